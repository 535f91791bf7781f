import { LABELS } from '../i18n/labels';

/** Titles, training courses and achievement templates the generators draw from. */

export const RANKS = [
  'CLERK_2',
  'CLERK_1',
  'PRINCIPAL_STAFF_4',
  'PRINCIPAL_STAFF_3',
  'PRINCIPAL_STAFF_2',
  'PRINCIPAL_STAFF_1',
  'RESEARCHER_4',
  'RESEARCHER_3',
  'RESEARCHER_2',
  'RESEARCHER_1',
  'INSPECTOR_2',
  'INSPECTOR_1',
] as const;

export const LEADERSHIP = [
  'TOWNSHIP_DEPUTY',
  'TOWNSHIP_CHIEF',
  'COUNTY_DEPUTY',
  'COUNTY_CHIEF',
  'BUREAU_DEPUTY',
  'BUREAU_CHIEF',
] as const;

export type Rank = (typeof RANKS)[number];
export type LeadershipLevel = (typeof LEADERSHIP)[number];
export type Level = Rank | LeadershipLevel;

/** A rank's post title is its Chinese name, from the one dictionary of code names. */
export const RANK_TITLE = Object.fromEntries(RANKS.map((r) => [r, LABELS['zh-CN'].level[r]])) as Record<
  Rank,
  string
>;

export const DOMAINS = [
  'RURAL_REVITALIZATION',
  'AGRICULTURE_MARKETING',
  'CULTURAL_TOURISM',
  'URBAN_GOVERNANCE',
  'TRANSPORT',
  'ECOLOGY_ENVIRONMENT',
  'WATER_RESOURCES',
  'EMERGENCY_MANAGEMENT',
  'PUBLIC_HEALTH',
  'EDUCATION',
  'ELDERLY_AND_CHILD_CARE',
  'EMPLOYMENT_AND_SOCIAL_SECURITY',
  'INVESTMENT_AND_BUSINESS_ENVIRONMENT',
  'SCIENCE_AND_TALENT',
  'GRASSROOTS_PARTY_BUILDING',
  'LEGAL_AFFAIRS',
  'DIGITAL_GOVERNMENT',
] as const;
export type Domain = (typeof DOMAINS)[number];

export interface ImpactTemplate {
  indicator: string;
  unit: string;
  betterWhen: 'HIGHER' | 'LOWER';
  baseline: [number, number];
  /** Typical relative change, e.g. 0.3 for a 30% improvement. */
  change: [number, number];
  decimals: number;
}

export interface AchievementTemplate {
  titles: readonly string[];
  impacts: readonly ImpactTemplate[];
}

export const ACHIEVEMENTS: Record<Domain, AchievementTemplate> = {
  RURAL_REVITALIZATION: {
    titles: ['推进村集体经济“清零”攻坚', '打造乡村振兴示范村', '盘活闲置农房发展民宿'],
    impacts: [
      {
        indicator: '村集体经济年收入',
        unit: '万元',
        betterWhen: 'HIGHER',
        baseline: [3, 20],
        change: [0.3, 2],
        decimals: 1,
      },
      {
        indicator: '农村居民人均可支配收入',
        unit: '元',
        betterWhen: 'HIGHER',
        baseline: [9000, 16000],
        change: [0.05, 0.25],
        decimals: 0,
      },
    ],
  },
  AGRICULTURE_MARKETING: {
    titles: ['直播带货销售高原特色农产品', '培育农产品区域公用品牌', '搭建“产地仓”冷链销售网络'],
    impacts: [
      {
        indicator: '农产品线上销售额',
        unit: '万元',
        betterWhen: 'HIGHER',
        baseline: [50, 800],
        change: [0.2, 3],
        decimals: 0,
      },
    ],
  },
  CULTURAL_TOURISM: {
    titles: ['策划非遗文化旅游节', '开发乡村旅游精品线路', '短视频推介冬季冰雪旅游'],
    impacts: [
      {
        indicator: '年接待游客',
        unit: '人次',
        betterWhen: 'HIGHER',
        baseline: [20000, 300000],
        change: [0.1, 1.2],
        decimals: 0,
      },
    ],
  },
  URBAN_GOVERNANCE: {
    titles: ['老旧小区改造“一小区一方案”', '推行网格化社区治理', '整治占道经营'],
    impacts: [
      {
        indicator: '12345热线同类投诉',
        unit: '件/月',
        betterWhen: 'LOWER',
        baseline: [40, 300],
        change: [0.2, 0.7],
        decimals: 0,
      },
    ],
  },
  TRANSPORT: {
    titles: ['打通断头路恢复通行', '干道车道重新划分调研与改造', '开通城乡公交微循环线路'],
    impacts: [
      {
        indicator: '居民出行平均用时',
        unit: '分钟',
        betterWhen: 'LOWER',
        baseline: [25, 60],
        change: [0.15, 0.5],
        decimals: 0,
      },
      {
        indicator: '早高峰平均车速',
        unit: 'km/h',
        betterWhen: 'HIGHER',
        baseline: [12, 25],
        change: [0.1, 0.4],
        decimals: 1,
      },
    ],
  },
  ECOLOGY_ENVIRONMENT: {
    titles: ['河道黑臭水体治理', '推行垃圾分类“积分制”', '矿山生态修复'],
    impacts: [
      {
        indicator: '生活垃圾分类覆盖率',
        unit: '%',
        betterWhen: 'HIGHER',
        baseline: [20, 55],
        change: [0.2, 0.8],
        decimals: 1,
      },
    ],
  },
  WATER_RESOURCES: {
    titles: ['农村饮水安全巩固提升', '高效节水灌溉改造'],
    impacts: [
      {
        indicator: '自来水普及率',
        unit: '%',
        betterWhen: 'HIGHER',
        baseline: [70, 90],
        change: [0.05, 0.3],
        decimals: 1,
      },
    ],
  },
  EMERGENCY_MANAGEMENT: {
    titles: ['地质灾害群测群防体系建设', '森林防火网格化巡护', '汛期转移避险预案演练'],
    impacts: [
      {
        indicator: '森林火灾起数',
        unit: '起/年',
        betterWhen: 'LOWER',
        baseline: [4, 15],
        change: [0.3, 0.8],
        decimals: 0,
      },
    ],
  },
  PUBLIC_HEALTH: {
    titles: ['家庭医生签约服务提质', '慢性病规范管理'],
    impacts: [
      {
        indicator: '高血压患者规范管理率',
        unit: '%',
        betterWhen: 'HIGHER',
        baseline: [50, 70],
        change: [0.1, 0.35],
        decimals: 1,
      },
    ],
  },
  EDUCATION: {
    titles: ['推动乡村学校课后服务全覆盖', '组织县域教师轮岗交流', '开发乡土特色课程'],
    impacts: [
      {
        indicator: '义务教育巩固率',
        unit: '%',
        betterWhen: 'HIGHER',
        baseline: [90, 96],
        change: [0.01, 0.05],
        decimals: 1,
      },
    ],
  },
  ELDERLY_AND_CHILD_CARE: {
    titles: ['建设村级互助养老服务点', '开办留守儿童“四点半课堂”'],
    impacts: [
      {
        indicator: '社区养老服务设施覆盖率',
        unit: '%',
        betterWhen: 'HIGHER',
        baseline: [30, 60],
        change: [0.2, 0.9],
        decimals: 1,
      },
    ],
  },
  EMPLOYMENT_AND_SOCIAL_SECURITY: {
    titles: ['组织劳务输出专列', '建设就业帮扶车间'],
    impacts: [
      {
        indicator: '脱贫人口务工规模',
        unit: '人',
        betterWhen: 'HIGHER',
        baseline: [800, 5000],
        change: [0.1, 0.5],
        decimals: 0,
      },
    ],
  },
  INVESTMENT_AND_BUSINESS_ENVIRONMENT: {
    titles: ['推行企业开办“一窗通办”', '引进农产品精深加工项目'],
    impacts: [
      {
        indicator: '企业开办时间',
        unit: '个工作日',
        betterWhen: 'LOWER',
        baseline: [3, 8],
        change: [0.3, 0.8],
        decimals: 1,
      },
    ],
  },
  SCIENCE_AND_TALENT: {
    titles: ['引进科技特派员团队', '建设专家工作站'],
    impacts: [],
  },
  GRASSROOTS_PARTY_BUILDING: {
    titles: ['软弱涣散村党组织整顿', '推行“党建+网格”治理'],
    impacts: [],
  },
  LEGAL_AFFAIRS: {
    titles: ['推行“枫桥式”矛盾纠纷调解', '开展村(居)法律顾问全覆盖'],
    impacts: [
      {
        indicator: '信访积案',
        unit: '件',
        betterWhen: 'LOWER',
        baseline: [10, 60],
        change: [0.3, 0.9],
        decimals: 0,
      },
    ],
  },
  DIGITAL_GOVERNMENT: {
    titles: ['政务服务“一网通办”', '建设基层治理数字平台'],
    impacts: [
      {
        indicator: '政务服务事项网上可办率',
        unit: '%',
        betterWhen: 'HIGHER',
        baseline: [40, 75],
        change: [0.1, 0.6],
        decimals: 1,
      },
    ],
  },
};

export type TrainingKind =
  | 'PARTY_SCHOOL'
  | 'ADMINISTRATION_INSTITUTE'
  | 'UNIVERSITY'
  | 'CADRE_ACADEMY'
  | 'FULL_TIME_CLASS'
  | 'ONLINE'
  | 'ON_THE_JOB'
  | 'OTHER';

export interface TrainingTemplate {
  kind: TrainingKind;
  weight: number;
  titles: readonly string[];
  providers: readonly string[];
  hours: [number, number];
  /** Length in days, first day included. */
  days: [number, number];
}

export const TRAININGS: readonly TrainingTemplate[] = [
  {
    kind: 'ONLINE',
    weight: 40,
    titles: ['网络学院专题学习', '学习贯彻党的二十大精神网络专题班', '数字素养在线课程', '廉政教育在线课程'],
    providers: ['中国干部网络学院', '省干部在线学习平台'],
    hours: [2, 40],
    days: [1, 90],
  },
  {
    kind: 'PARTY_SCHOOL',
    weight: 18,
    titles: ['中青年干部培训班', '乡镇党委书记轮训班', '主体班', '党性教育专题培训班'],
    providers: ['市委党校', '县委党校', '省委党校'],
    hours: [24, 160],
    days: [3, 30],
  },
  {
    kind: 'ADMINISTRATION_INSTITUTE',
    weight: 10,
    titles: ['依法行政专题研修班', '公务员初任培训', '营商环境专题培训'],
    providers: ['省行政学院', '市行政学院'],
    hours: [16, 80],
    days: [2, 10],
  },
  {
    kind: 'UNIVERSITY',
    weight: 6,
    titles: ['乡村振兴专题研修班', '城市治理专题研修班', '应急管理能力提升班'],
    providers: ['浙江大学', '云南大学', '中国农业大学', '同济大学'],
    hours: [24, 60],
    days: [3, 7],
  },
  {
    kind: 'ON_THE_JOB',
    weight: 20,
    titles: ['业务骨干培训', '安全生产业务培训', '信访工作业务培训', '基层党建业务培训'],
    providers: ['县委组织部', '市委组织部', '本单位'],
    hours: [4, 32],
    days: [1, 4],
  },
  {
    kind: 'OTHER',
    weight: 6,
    titles: ['红色教育现场教学', '东西部协作跟岗学习'],
    providers: ['干部教育基地', '对口帮扶单位'],
    hours: [8, 40],
    days: [2, 10],
  },
];
