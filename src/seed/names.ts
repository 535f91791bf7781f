import { Prng } from './prng';

// Common surnames, roughly most frequent first; earlier entries are picked more often.
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const MALE = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋勤亮成峰建国志文海东晨阳山川松德福春永兴荣祥庆育远航',
];
const FEMALE = [
  ...'芳娜敏静丽艳娟霞秀玲桂英萍红梅琳燕雪婷颖倩琴云莉洁佳慧欣悦怡岚瑶璐蓉薇晶凤兰月珊琼丹露娇',
];

export type Gender = 'MALE' | 'FEMALE';

function surname(rng: Prng): string {
  // squaring the uniform draw favours the frequent surnames at the front of the list
  const u = rng.next();
  return SURNAMES[Math.floor(u * u * SURNAMES.length)];
}

/** A plausible Chinese name; `avoid` keeps generated people from sharing a name with a hand-written case. */
export function personName(rng: Prng, gender: Gender, avoid: ReadonlySet<string> = new Set()): string {
  const chars = gender === 'MALE' ? MALE : FEMALE;
  for (;;) {
    const given = rng.chance(0.65) ? rng.pick(chars) + rng.pick(chars) : rng.pick(chars);
    const name = surname(rng) + given;
    if (!avoid.has(name)) return name;
  }
}

const PLACE_FIRST = [...'青白金石龙凤云松梅竹桃柳清新安宁永丰和平兴隆长乐福寿太南北东西大高双马鹤鹿'];
const PLACE_SECOND = [...'溪河江湖山岭坝坪沟湾洲原田林泉水桥关营屯寨庄堡口川阳城岗'];

/** Two-character place stem such as 青溪 or 龙坪. */
export function placeStem(rng: Prng): string {
  return rng.pick(PLACE_FIRST) + rng.pick(PLACE_SECOND);
}

export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['汉族', 72],
  ['彝族', 8],
  ['白族', 5],
  ['哈尼族', 4],
  ['傣族', 3],
  ['壮族', 3],
  ['苗族', 2],
  ['藏族', 1],
  ['纳西族', 1],
  ['回族', 1],
];

export const MAJORS = [
  '汉语言文学',
  '法学',
  '行政管理',
  '经济学',
  '农学',
  '土木工程',
  '交通运输',
  '旅游管理',
  '计算机科学与技术',
  '思想政治教育',
  '会计学',
  '环境科学',
  '公共管理',
  '新闻学',
  '社会学',
  '水利水电工程',
  '临床医学',
  '教育学',
] as const;
