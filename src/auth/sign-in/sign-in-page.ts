/** Why a sign-in was refused: each has a Chinese and an English sentence and an HTTP status. */
export type SignInProblem =
  'LOGIN_EXPIRED' | 'LOGIN_REFUSED' | 'NO_ROLE' | 'UNKNOWN_IDENTITY' | 'IDP_UNAVAILABLE';

const PROBLEMS: Record<SignInProblem, { status: number; zh: string; en: string }> = {
  LOGIN_EXPIRED: {
    status: 400,
    zh: '登录已过期或未从本站发起，请重新登录。',
    en: 'The sign-in expired or was not started here. Please sign in again.',
  },
  LOGIN_REFUSED: {
    status: 400,
    zh: '身份提供方的应答未通过校验（state、nonce 或授权码不符），未予登录。',
    en: 'The identity provider’s answer failed verification (state, nonce or code did not match); you are not signed in.',
  },
  NO_ROLE: {
    status: 403,
    zh: '您的账号没有本系统的角色（管理员、组织部门、干部或人事系统），请联系管理员分配。',
    en: 'Your account has no role in this service (ADMIN, ORG_DEPT, CADRE or HR_SYNC). Ask an administrator to assign one.',
  },
  UNKNOWN_IDENTITY: {
    status: 403,
    zh: '您的账号所指的单位、干部或数据来源在本系统中不存在，请联系管理员核对。',
    en: 'The unit, cadre or source your account names does not exist in this service. Ask an administrator to check it.',
  },
  IDP_UNAVAILABLE: {
    status: 503,
    zh: '暂时无法连接身份提供方，请稍后再试。',
    en: 'The identity provider cannot be reached just now. Please try again later.',
  },
};

/** CSP of the page: no script, its own inline style only. */
export const SIGN_IN_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function problemStatus(problem: SignInProblem): number {
  return PROBLEMS[problem].status;
}

/** A small page, Chinese first and English second, saying why and linking back to the sign-in page. */
export function signInProblemPage(problem: SignInProblem): string {
  const p = PROBLEMS[problem];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>登录失败 Sign-in failed</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.6}p.en{color:#555}</style>
</head><body>
<h1>登录失败</h1><p>${p.zh}</p>
<h2 lang="en">Sign-in failed</h2><p class="en" lang="en">${p.en}</p>
<p data-problem="${problem}"><a href="/">返回登录页 · Back to sign-in</a></p>
</body></html>`;
}
