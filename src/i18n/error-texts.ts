/**
 * The services' own error sentences, by key, in Chinese (the default) and English; `{name}` placeholders are
 * the error's params. A service throws `DomainError.badInput(field, errorText(key, params))` (or conflict,
 * forbidden, of): the English text is its message, the Chinese one is sent unless the caller asks for English.
 * Keys never change once released; the sentences may.
 */
export const SERVICE_ERROR_TEXTS = {
  // Access.
  FORBIDDEN: { 'zh-CN': '无权执行此操作。', en: 'You are not allowed to do this.' },
  'access.unitOutside': {
    'zh-CN': '该单位不在您的管辖范围内。',
    en: 'This unit is outside your jurisdiction.',
  },
  'access.noJurisdiction': { 'zh-CN': '登录令牌未指明管辖范围。', en: 'The token names no jurisdiction.' },
  'access.cadreOutside': {
    'zh-CN': '该干部不在您的管辖范围内。',
    en: 'This cadre is outside your jurisdiction.',
  },
  'access.ownRecordOnly': {
    'zh-CN': '您只能查看和修改本人的档案。',
    en: 'You may only see and change your own record.',
  },
  'access.cadreNotVisible': {
    'zh-CN': '您无权查看该干部。',
    en: 'This cadre is outside what you may see.',
  },
  'access.proposalsOrgDept': {
    'zh-CN': '任免审批事项仅限组织部门查看。',
    en: 'Appointment proposals are for the organisation department.',
  },
  'access.ownSourceOnly': {
    'zh-CN': '该令牌只能处理数据源 {source} 的数据。',
    en: 'This token may use source {source} only.',
  },
  'access.subscribeOwnSource': {
    'zh-CN': '人事系统只能订阅本数据源的事件。',
    en: 'An HR system subscribes to its own source.',
  },
  'access.cadreHistoryDelete': {
    'zh-CN': '该干部已有履历（任职、培训、实绩、考核、处分、职级或人才库记录），只有系统管理员可以删除。',
    en: 'This cadre has a history (postings, training, achievements, appraisals, sanctions, ranks or talent-pool entries); only an administrator may delete it.',
  },
  // Input shared by many writes.
  'input.cannotClear': { 'zh-CN': '{field} 不能清空。', en: '{field} cannot be cleared.' },
  'input.dateFormat': {
    'zh-CN': '{field} 应为日期（YYYY-MM-DD）。',
    en: '{field} must be a date written YYYY-MM-DD.',
  },
  'input.cursor': {
    'zh-CN': '分页游标无效，请从第一页重新查询。',
    en: 'The cursor is not one this service issued.',
  },
  'input.cursorAsOf': {
    'zh-CN': '分页游标属于评估日期为 {cursorAsOf} 的列表，而非 {asOf}。',
    en: 'The cursor belongs to a list as of {cursorAsOf}, not {asOf}.',
  },
  'input.endBeforeStart': {
    'zh-CN': '结束日期 {end} 早于开始日期 {start}。',
    en: 'The end date {end} is before the start date {start}.',
  },
  'input.sourcePair': {
    'zh-CN': '数据源与外部编号须同时填写或同时不填。',
    en: 'A source and an external id go together: give both or neither.',
  },
  'input.unknownDomain': {
    'zh-CN': '{domain} 不是专长领域分类中的代码。',
    en: '{domain} is not a domain in the taxonomy.',
  },
  'input.unknownLevel': {
    'zh-CN': '“{level}” 不是已知的层次代码。',
    en: '"{level}" is not a known level code.',
  },
  'input.notLeadershipLevel': {
    'zh-CN': '{level} 不是领导职务序列中的层次。',
    en: '{level} is not a level on the LEADERSHIP ladder.',
  },
  'input.notRankLevel': {
    'zh-CN': '{level} 不是职级序列中的职级。',
    en: '{level} is not a rank on the RANK ladder.',
  },
  'input.idempotencyReused': {
    'zh-CN': '幂等键 {key} 已用于另一请求（{what}）。',
    en: 'Idempotency key {key} was already used for a different request ({what}).',
  },
  'input.idempotencyGone': {
    'zh-CN': '幂等键 {key} 创建的记录已被删除。',
    en: 'What idempotency key {key} created has since been deleted.',
  },
  'input.periodTooLong': {
    'zh-CN': '查询区间最长 {days} 天，请分段查询。',
    en: 'The period may cover at most {days} days; ask in parts.',
  },
  'input.toBeforeFrom': { 'zh-CN': '截止日期不得早于起始日期。', en: 'to must not be before from.' },
  'input.anyOfOrCodes': {
    'zh-CN': 'anyOf 与 codes（其旧名）只能给出其一。',
    en: 'Give anyOf or codes (its old name), not both.',
  },
  // Postings, ranks, training.
  'posting.alreadyEnded': {
    'zh-CN': '该任职已于 {date} 结束。',
    en: 'This posting already ended on {date}.',
  },
  'posting.postOfOtherUnit': {
    'zh-CN': '该职位属于其他单位；任职只能对应本单位的职位。',
    en: 'This post belongs to another unit; a posting names a post of its own unit.',
  },
  'posting.overlap': {
    'zh-CN': '与正职任职“{title}”（{start} 至 {end}）重叠；同一干部的任职不能重叠。',
    en: 'This overlaps the regular posting "{title}" ({start} to {end}); regular postings of one cadre cannot overlap.',
  },
  'rank.alreadyEnded': {
    'zh-CN': '该职级记录已于 {date} 结束。',
    en: 'This rank grant already ended on {date}.',
  },
  'rank.notOnLadder': {
    'zh-CN': '{level} 不是 {date} 有效政策职级序列中的职级（{ranks}）。',
    en: "{level} is not a rank on the policy's rank ladder on {date} ({ranks}).",
  },
  'rank.overlap': {
    'zh-CN': '与职级 {level}（{start} 至 {end}）重叠；干部同一时间只能有一个职级。',
    en: 'This overlaps the rank {level} ({start} to {end}); a cadre holds one rank at a time.',
  },
  // Sanctions.
  'sanction.alreadyRevoked': {
    'zh-CN': '该记录已于 {date} 撤销。',
    en: 'This record was already revoked on {date}.',
  },
  'sanction.revokedBeforeDecision': {
    'zh-CN': '撤销日期 {date} 早于决定日期 {decisionDate}。',
    en: 'The revocation date {date} is before the decision date {decisionDate}.',
  },
  'sanction.otherCadre': { 'zh-CN': '该记录属于其他干部。', en: 'This record belongs to another cadre.' },
  'sanction.toleranceExists': {
    'zh-CN': '该记录已有 {date} 的容错免责决定；每条记录只能有一个。',
    en: 'This record already has a 容错 decision of {date}; there is one per record.',
  },
  'sanction.toleranceBeforeDecision': {
    'zh-CN': '容错免责决定日期 {date} 早于该记录的决定日期 {decisionDate}。',
    en: "The 容错 decision date {date} is before the record's decision date {decisionDate}.",
  },
  'sanction.effectiveBeforeDecision': {
    'zh-CN': '生效日期 {date} 早于决定日期 {decisionDate}。',
    en: 'The effective date {date} is before the decision date {decisionDate}.',
  },
  // Achievements, pools, candidates.
  'achievement.decided': {
    'zh-CN': '该工作实绩已处理（{status}）；只有待核实的实绩可以核实或不予认定。',
    en: 'This achievement has already been {status}; only a claimed achievement can be decided.',
  },
  'pool.noPromotionTo': { 'zh-CN': '没有晋升到 {level} 的路径。', en: 'Nobody is promoted to {level}.' },
  'pool.notOneStepBelow': {
    'zh-CN': '该干部在 {date} 没有低于 {level} 一级的正职任职。',
    en: 'This cadre holds no regular posting one step below {level} on {date}.',
  },
  'pool.alreadyMember': { 'zh-CN': '该干部已在人才库中。', en: 'This cadre is already in the pool.' },
  'pool.newPostingOnlyPromoted': {
    'zh-CN': '只有“已提拔”决定才会新建任职。',
    en: 'Only a PROMOTED decision creates a new posting.',
  },
  'candidates.exceptionalDomain': {
    'zh-CN': '破格提拔名单用于专业性较强的岗位：请指定专长领域，例如文化旅游。',
    en: 'An exceptional (破格) list is for a specialised post: give its domain, e.g. CULTURAL_TOURISM.',
  },
  'candidates.exceptionalRank': {
    'zh-CN': '破格提拔仅适用于领导职务；{level} 是职级。',
    en: 'Exceptional (破格) promotion is to leadership posts; {level} is a rank.',
  },
  'candidates.noExceptionalRule': {
    'zh-CN': '政策第 {version} 版没有破格提拔规则：该日期不能生成破格名单。',
    en: 'Policy version {version} has no PROMO_EXCEPTIONAL rule: no exceptional list on this date.',
  },
  'candidates.noPromotionTo': {
    'zh-CN': '按政策第 {version} 版，没有晋升到 {level} 的路径：它不是任何晋升步骤的上一层次。',
    en: 'Nobody is promoted to {level} under policy version {version}: it is not the upper level of any ladder step.',
  },
  // Policy, teams.
  'policy.pastEffective': {
    'zh-CN': '政策不能在过去生效：已作出的评估必须可以复现。',
    en: 'A policy cannot take effect in the past: evaluations already made must stay reproducible.',
  },
  'policy.overlap': {
    'zh-CN': '生效日期重叠：第 {version} 版自 {date} 起生效，新版本必须晚于该日期。',
    en: 'Overlapping effective dates: version {version} is in force from {date}; a new version must start after that.',
  },
  'policy.noneInForce': { 'zh-CN': '{date} 没有有效的政策。', en: 'No policy is in force on {date}.' },
  'team.noTargets': {
    'zh-CN': '该日期有效的政策第 {version} 版未设定领导班子结构要求。',
    en: 'Policy version {version}, in force on that date, sets no TEAM_STRUCTURE targets.',
  },
  'team.noYoungAge': {
    'zh-CN': '政策第 {version} 版未设定 {level} 的年轻干部年龄。',
    en: '"{level}" has no young age in TEAM_STRUCTURE.youngMaxAgeByLevel of policy version {version}.',
  },
  // Posts.
  'post.domainBoth': {
    'zh-CN': '{domains} 同时被列为必需和优先领域；一个领域只能是其中之一。',
    en: '{domains} is both required and preferred; a domain is one or the other.',
  },
  // Appointment form.
  'form.photoTooLarge': { 'zh-CN': '照片最大 {kib} KiB。', en: 'The photo is at most {kib} KiB.' },
  'form.photoType': { 'zh-CN': '图片不是 {type} 格式。', en: 'The picture is not {type}.' },
  'form.proposalPosts': {
    'zh-CN': '请填写拟任职务、拟免职务，或两者都填。',
    en: 'Name the proposed post, the posts to be removed, or both.',
  },
  'pdf.busy': {
    'zh-CN': '正在打印其他 PDF，请稍后重试。',
    en: 'Other PDFs are being printed; try again in a moment.',
  },
  'pdf.unavailable': {
    'zh-CN': '本服务器不能打印 PDF。',
    en: 'PDF printing is not available on this server.',
  },
  'request.abandoned': {
    'zh-CN': '请求耗时过长，已在保存前放弃，未写入任何内容。请重试。',
    en: 'The request took too long and was abandoned before this change was saved; nothing of it was written. Try again.',
  },
  'pdf.timeout': { 'zh-CN': '打印 PDF 超时，请重试。', en: 'Printing the PDF took too long; try again.' },
  // Sync.
  'sync.sourceFormat': {
    'zh-CN': '数据源名称为 1 至 64 个字符，且不以空格开头。',
    en: 'source is 1 to 64 characters and does not start with a space.',
  },
  'sync.batchTooLarge': {
    'zh-CN': '每批最多 {limit} 条记录，本批有 {n} 条，请拆分。',
    en: 'A batch holds at most {limit} records; this one has {n}. Split it.',
  },
  'sync.snapshotPostingsOnly': {
    'zh-CN': '全量快照（SNAPSHOT）只适用于任职；单位和干部不会被结束。',
    en: 'SNAPSHOT applies to postings only; units and cadres are never ended.',
  },
  'sync.snapshotScope': {
    'zh-CN': '全量快照需要 scopeUnitCode：它覆盖的单位范围。',
    en: 'A SNAPSHOT needs scopeUnitCode: the subtree it covers.',
  },
  'sync.idempotencyPayload': {
    'zh-CN': '幂等键 {key} 已用于内容不同的批次（批次 {run}）。',
    en: 'Idempotency key {key} was used for a different payload (run {run}).',
  },
  'sync.duplicateInBatch': {
    'zh-CN': '编号 {key} 在本批次中出现 {n} 次（第 {at} 条），请只发送一次。',
    en: 'The key {key} appears {n} times in this batch (records {at}); send it once.',
  },
  'sync.batchRejected': {
    'zh-CN': '未写入：本原子批次中另有记录被退回。',
    en: 'Not written: another record in this atomic batch was rejected.',
  },
  'sync.ownParent': { 'zh-CN': '单位不能以自身为上级。', en: 'A unit cannot be its own parent.' },
  'sync.parentCycle': {
    'zh-CN': '本批次中的上级单位构成循环：单位不能隶属于自身。',
    en: 'The parents in this batch form a cycle: a unit cannot be under itself.',
  },
  'sync.unknownCadre': { 'zh-CN': '没有人员编号为 {key} 的干部。', en: 'No cadre has external id {key}.' },
  'sync.unknownUnit': { 'zh-CN': '没有代码为 {key} 的单位。', en: 'No unit has code {key}.' },
  'sync.unknownLevel': {
    'zh-CN': '层次 {level} 不是任何序列中的代码。',
    en: 'Level {level} is not a code on any ladder.',
  },
  'sync.notRankLevel': {
    'zh-CN': '层次 {level} 不是职级序列中的代码。',
    en: 'Level {level} is not a code on the rank ladder.',
  },
  'sync.notLeadershipLevel': {
    'zh-CN': '层次 {level} 不是领导职务序列中的代码。',
    en: 'Level {level} is not a code on the LEADERSHIP ladder.',
  },
  'sync.ownedByOther': {
    'zh-CN': '{what} {key} 由其他数据源或本系统用户维护；数据源 {source} 只能修改其自己创建的记录。',
    en: "{what} {key} is kept by another source or by this service's users; source {source} may change only the records it created.",
  },
  // A rejected record's code, where its sentence has no text of its own (stored before texts existed).
  'sync.code.INVALID': { 'zh-CN': '字段取值无效。', en: 'The value is not valid.' },
  'sync.code.DUPLICATE_IN_BATCH': { 'zh-CN': '同一批次内重复发送。', en: 'Sent twice in the batch.' },
  'sync.code.UNKNOWN_CADRE': {
    'zh-CN': '找不到该人员编号对应的干部。',
    en: 'No cadre has this external id.',
  },
  'sync.code.UNKNOWN_UNIT': { 'zh-CN': '找不到该代码对应的单位。', en: 'No unit has this code.' },
  'sync.code.UNKNOWN_PARENT': { 'zh-CN': '找不到上级单位。', en: 'The parent unit is not known.' },
  'sync.code.UNKNOWN_LEVEL': {
    'zh-CN': '层次代码不在政策序列中。',
    en: 'The level is not on the policy’s ladders.',
  },
  'sync.code.PARENT_CYCLE': { 'zh-CN': '上级单位构成循环。', en: 'The parent units form a cycle.' },
  'sync.code.OVERLAP': { 'zh-CN': '与已有记录在时间上重叠。', en: 'It overlaps another record in time.' },
  'sync.code.OWNED_BY_OTHER_SOURCE': {
    'zh-CN': '该记录由其他数据源维护；人事系统只能修改本数据源的记录。',
    en: 'Another source keeps this record; an HR system changes only its own records.',
  },
  'sync.code.BATCH_REJECTED': {
    'zh-CN': '未写入：本原子批次中另有记录被退回。',
    en: 'Not written: another record in this atomic batch was rejected.',
  },
  'sync.code.TITLE_TAKEN': {
    'zh-CN': '该单位已有同名职位。',
    en: 'The unit already has a post with this title.',
  },
  'sync.code.POST_HAS_POSTINGS': {
    'zh-CN': '该职位已有任职记录，不能改隶其他单位。',
    en: 'A post with postings cannot move to another unit.',
  },
  // Webhooks, sign-in.
  'webhook.oneTarget': {
    'zh-CN': 'unitId（组织部门）与 syncSource（人事系统）须且只能给出其一。',
    en: 'Give exactly one of unitId (a department) and syncSource (an HR system).',
  },
  'webhook.hostUnresolved': {
    'zh-CN': '地址中的主机 {host} 无法解析。',
    en: 'The host {host} of url does not resolve.',
  },
  'webhook.privateHost': {
    'zh-CN': '地址指向内网（{host}）；内网接收方需设置 WEBHOOK_ALLOW_PRIVATE_URLS=true。',
    en: 'url points into a private network ({host}); set WEBHOOK_ALLOW_PRIVATE_URLS=true for an intranet receiver.',
  },
  'signIn.needs': { 'zh-CN': '该角色需要填写 {field}。', en: '{role} needs {field}.' },
  'signIn.noSuch': { 'zh-CN': '不存在 {field} 为 {value} 的记录。', en: 'No {field} {value} exists.' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type ServiceErrorKey = keyof typeof SERVICE_ERROR_TEXTS;
