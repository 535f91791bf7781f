import { SERVICE_ERROR_TEXTS as SERVICE_TEXTS } from './error-texts';
import { fmt, LABELS, labelOf, Locale } from './labels';

/**
 * Server error texts in the reader's locale. Codes never change; the message does. An error the app builds from
 * a known shape (not found, forbidden, unauthenticated, a failed input check, the database's time-outs, an
 * unexpected failure) carries an ErrorText; English is the text it was built with, Chinese comes from here.
 * A message with no Chinese text here (a service's own sentence) stays as written.
 */
export interface ErrorText {
  key: string;
  params: Record<string, string>;
  /** The Chinese template where it is kept beside the English one (a database constraint's sentence). */
  zh?: string;
}

/** What a record is called in a not-found message (DomainError.notFound's `what`). */
const RECORD_ZH: Record<string, string> = {
  Achievement: '工作实绩',
  'Appointment proposal': '任免审批表',
  Appraisal: '考核记录',
  Cadre: '干部',
  'Photo of cadre': '干部照片',
  'Pool member': '人才库成员',
  Post: '职位',
  Posting: '任职记录',
  'Rank grant': '职级记录',
  Sanction: '处分记录',
  'Sync run': '同步批次',
  'Talent pool': '人才库',
  Training: '培训记录',
  Unit: '单位',
};

/** The services' own sentences, by key, in both locales. */
const SERVICE_ERROR_TEXTS: Record<string, { 'zh-CN': string; en: string } | undefined> = SERVICE_TEXTS;

/** Chinese by key; `{name}` placeholders from the params. */
const ZH: Record<string, string> = {
  NOT_FOUND: '{what}不存在：{id}。',
  UNAUTHENTICATED: '需要有效的登录令牌。',
  INTERNAL_SERVER_ERROR: '服务内部出错。报告问题时请提供请求编号。',
  TIMEOUT: '数据库响应超时，请求已取消。请重试，或缩小查询范围。',
  SERVICE_UNAVAILABLE: '暂时无法连接数据库，请稍后重试。',
  // An appointment that would breach the avoidance rules; {breaches}: the breaches in Chinese.
  AVOIDANCE_BREACH: '不能任命：将违反任职回避规定。{breaches}',
  // Input checks (class-validator constraints), naming the field.
  'input.isUuid': '{field} 应为有效的记录编号（UUID）。',
  'input.matches': '{field} 的格式不正确。',
  'input.isIn': '{field} 的取值不在允许范围内。',
  'input.isEnum': '{field} 的取值不在允许范围内。',
  'input.isInt': '{field} 应为整数。',
  'input.isNumber': '{field} 应为数字。',
  'input.min': '{field} 不得小于 {n}。',
  'input.max': '{field} 不得大于 {n}。',
  'input.maxLength': '{field} 最长 {n} 个字符。',
  'input.minLength': '{field} 至少 {n} 个字符。',
  'input.arrayMaxSize': '{field} 最多 {n} 项。',
  'input.arrayMinSize': '{field} 至少 {n} 项。',
  'input.isString': '{field} 应为文本。',
  'input.isNotEmpty': '{field} 不能为空。',
  'input.isBoolean': '{field} 应为是或否（true 或 false）。',
  'input.isDateString': '{field} 应为日期（YYYY-MM-DD）。',
  'input.isISO8601': '{field} 应为日期（YYYY-MM-DD）。',
  'input.isDefined': '缺少 {field}。',
  'input.other': '{field} 的值无效。',
  // Text PostgreSQL cannot store (src/common/text.ts).
  'input.nul': '{field} 含有 U+0000（空字符），无法保存。',
  'input.surrogate': '{field} 含有不成对的 UTF-16 代理字符（不是有效的 Unicode），无法保存。',
};

/** The text for a known error shape. */
export const errorText = (key: string, params: Record<string, string | number> = {}): ErrorText => ({
  key,
  params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
});

/** A service's own sentence (src/i18n/error-texts.ts) in English, with its params filled. */
export function englishErrorText(text: ErrorText): string {
  const texts = SERVICE_ERROR_TEXTS[text.key];
  return texts ? fmt(texts.en, text.params) : text.key;
}

/** Checks whose message names a bound (at most 10000): the bound is `{n}` of their Chinese text. */
const BOUNDED = new Set(['min', 'max', 'maxLength', 'minLength', 'arrayMaxSize', 'arrayMinSize']);

/**
 * The ErrorText of a failed input check: by its class-validator constraint, else a general one. A bounded
 * check without a number in its message (a custom one) gets the general text.
 */
export function inputErrorText(field: string, constraint: string | undefined, message = ''): ErrorText {
  const n = /\d+(\.\d+)?/.exec(message)?.[0];
  const known = constraint !== undefined && ZH[`input.${constraint}`] !== undefined;
  if (!known || (BOUNDED.has(constraint) && n === undefined)) return errorText('input.other', { field });
  return errorText(`input.${constraint}`, n === undefined ? { field } : { field, n });
}

/** The ErrorText of text that cannot be stored (unstorableReason's message for `field`). */
export const unstorableErrorText = (field: string, message: string): ErrorText =>
  errorText(message.includes('U+0000') ? 'input.nul' : 'input.surrogate', { field });

/** The message of an error in a locale: English as built; Chinese from the catalogue when the key is known. */
export function localizeErrorMessage(message: string, text: ErrorText | undefined, locale: Locale): string {
  if (locale === 'en' || !text) return message;
  const template = text.zh ?? SERVICE_ERROR_TEXTS[text.key]?.['zh-CN'] ?? ZH[text.key];
  if (!template) return message;
  const { what, level, domain } = text.params;
  const zh = LABELS['zh-CN'];
  return fmt(template, {
    ...text.params,
    ...(what ? { what: RECORD_ZH[what] ?? what } : {}),
    // Codes a sentence names, by their Chinese names (the one shared dictionary).
    ...(level ? { level: labelOf(zh.level, level) } : {}),
    ...(domain ? { domain: labelOf(zh.domain, domain) } : {}),
  });
}

/** Every key with a Chinese text (a spec checks the English side builds each). */
export const ERROR_TEXT_KEYS = [...Object.keys(ZH), ...Object.keys(SERVICE_ERROR_TEXTS)];
