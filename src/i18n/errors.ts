import { fmt, Locale } from './labels';

/**
 * Server error texts in the reader's locale. Codes never change; the message does. An error the app builds from
 * a known shape (not found, forbidden, unauthenticated, a failed input check, the database's time-outs, an
 * unexpected failure) carries an ErrorText; English is the text it was built with, Chinese comes from here.
 * A message with no Chinese text here (a service's own sentence) stays as written.
 */
export interface ErrorText {
  key: string;
  params: Record<string, string>;
}

/** What a record is called in a not-found message (DomainError.notFound's `what`). */
const RECORD_ZH: Record<string, string> = {
  Achievement: '工作实绩',
  'Appointment proposal': '任免审批表',
  Appraisal: '考核记录',
  Cadre: '干部',
  'Photo of cadre': '干部照片',
  'Pool member': '人才库成员',
  Posting: '任职记录',
  'Rank grant': '职级记录',
  Sanction: '处分记录',
  'Sync run': '同步批次',
  'Talent pool': '人才库',
  Training: '培训记录',
  Unit: '单位',
};

/** Chinese by key; `{name}` placeholders from the params. */
const ZH: Record<string, string> = {
  NOT_FOUND: '{what}不存在：{id}。',
  FORBIDDEN: '无权执行此操作。',
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
};

/** The text for a known error shape. */
export const errorText = (key: string, params: Record<string, string> = {}): ErrorText => ({ key, params });

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

/** The message of an error in a locale: English as built; Chinese from the catalogue when the key is known. */
export function localizeErrorMessage(message: string, text: ErrorText | undefined, locale: Locale): string {
  if (locale === 'en' || !text) return message;
  const template = ZH[text.key];
  if (!template) return message;
  const what = text.params.what;
  return fmt(template, { ...text.params, ...(what ? { what: RECORD_ZH[what] ?? what } : {}) });
}

/** Every key with a Chinese text (a spec checks the English side builds each). */
export const ERROR_TEXT_KEYS = Object.keys(ZH);
