/**
 * The API's error codes (`AREA.WHAT`) in words, as `errors.AREA.WHAT`. Placeholders: {message} is
 * the API's own message (it names the rule or field), {minutes} the wait after a 429.
 */
export default {
  unknown: '操作失败：{message}',
  AUTH: {
    BAD_CREDENTIALS: '用户名或密码错误',
    TOO_MANY_FAILURES: '登录失败次数过多，请 {minutes} 分钟后再试',
    UNAUTHENTICATED: '登录已过期，请重新登录',
    FORBIDDEN: '您的角色无权执行此操作',
    FORBIDDEN_FIELD: '您的角色无权修改该项',
    FORBIDDEN_UNIT: '超出您所在单位的管辖范围（{message}）',
  },
  ENTERPRISE: {
    NOT_FOUND: '企业不存在，或不在您负责的范围内',
    DUPLICATE_CREDIT_CODE: '已有企业使用该统一社会信用代码',
    CLOSED_BEFORE_REGISTERED: '注销日期不能早于成立日期',
    UNION_FOUNDED_ON: '建会日期不能晚于今天，也不能早于企业成立日期',
    WORKERS_CONGRESS_ON: '职代会建立日期不能晚于今天，也不能早于企业成立日期',
    UNKNOWN_INSTRUCTOR: '所选指导员不存在或已停用',
    REGISTERED_ON: '成立日期不能晚于今天',
    VERSION_CONFLICT: '该企业信息刚被他人修改，请载入最新内容后再保存',
    BAD_TOWNSHIP: '乡镇（街道）有误（{message}）',
    INSTRUCTOR_OUTSIDE_UNIT: '所选指导员所在单位不管辖该企业的乡镇（街道）',
  },
  NEGOTIATION: {
    NOT_FOUND: '协商不存在，或不在您负责的范围内',
    VERSION_CONFLICT: '该协商刚被他人更新，已重新载入，请核对后再提交',
    ILLEGAL_EVENT: '当前阶段不能记录该事项（{message}）',
    GUARD_FAILED: '不符合协商程序规则（{message}）',
    INVALID_EVENT: '填写的内容不符合要求（{message}）',
    ENTERPRISES: '所选企业与协商范围不符（{message}）',
    RENEWS: '续签的原协议不符合要求（{message}）',
    ALREADY_OPEN: '所选企业已有一轮进行中的同类协商：请在那一轮中继续记录，或先放弃它再发起新一轮',
  },
  CALENDAR: {
    YEAR_NOT_FOUND: '该年度的节假日安排尚未导入',
    BAD_YEAR: '年份无效：须为 2000 至 2100 之间的整数',
    BAD_DATES: '节假日安排有误（{message}）',
  },
  CAMPAIGN: {
    NOT_FOUND: '集中要约行动不存在，或不在您管辖的范围内',
    NO_OFFER_LETTERS: '还没有可下载的要约书（{message}）',
  },
  ORG_UNIT: {
    NOT_FOUND: '单位不存在，或不在您管辖的范围内',
    DUPLICATE_CODE: '该区划代码已被其他单位使用',
    BAD_PLACEMENT: '区划代码或层级与上级单位不符（{message}）',
  },
  DOCUMENT: {
    UNKNOWN_KIND: '没有这种文书',
    NOT_AVAILABLE: '该文书暂不能生成（{message}）',
    TEMPLATE_INVALID: '文书模板有误，请联系系统管理员（{message}）',
  },
  IMPORT: {
    NO_FILE: '请选择要导入的文件（.xlsx 或 .csv）',
    UNREADABLE_FILE: '无法读取该文件，请使用 .xlsx 或 .csv 格式（{message}）',
  },
  REMINDER: {
    NOT_FOUND: '提醒邮件不存在',
    ALREADY_SENT: '该提醒邮件已发送，只能重发失败或搁置的邮件',
  },
  REPORTS: {
    BAD_INPUT: '报表条件有误（{message}）',
  },
  USER: {
    NOT_FOUND: '用户不存在',
    DUPLICATE_USERNAME: '该用户名已被使用',
    CURRENT_PASSWORD_REQUIRED: '修改自己的密码需要输入当前密码',
    LAST_ADMIN: '这是最后一个在用的管理员：请先设置另一名管理员',
    UNKNOWN_ORG_UNIT: '所选单位不存在',
    ENTERPRISES_OUTSIDE_UNIT:
      '该指导员负责的企业不在新单位的管辖范围内，请先调整这些企业的指导员（{message}）',
  },
  REQUEST: {
    BAD_REQUEST: '请求格式有误（{message}）',
    BODY_TOO_LARGE: '提交的内容过大',
    MALFORMED_JSON: '请求格式有误（{message}）',
    UNKNOWN_FIELD: '提交了系统不认识的字段（{message}）',
    UNSUPPORTED_ENCODING: '请求编码不受支持，请使用 UTF-8',
    UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
    VALIDATION_FAILED: '填写的内容有误，请检查标出的项目',
  },
  DATABASE: {
    UNAVAILABLE: '数据库暂时无法访问，请稍后重试（未保存任何内容）',
  },
  WRITE: {
    CONFLICT: '同时有其他修改，本次未保存，请重试',
  },
  HTTP: {
    NETWORK: '无法连接服务器，请检查网络后重试',
    CONFLICT: '数据已被他人修改，请刷新后重试',
    METHOD_NOT_ALLOWED: '不支持该操作',
    NOT_FOUND: '请求的内容不存在',
    TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
    UNAVAILABLE: '服务暂时不可用，请稍后再试',
  },
  TIMER: {
    ORPHAN: '定时任务对应的协商已不存在',
  },
  WORKFLOW: {
    BAD_INPUT: '协商流程的输入有误（{message}）',
    BAD_SNAPSHOT: '协商记录已损坏，请联系系统管理员（{message}）',
    REPLAY_REJECTED: '协商历史无法重放，请联系系统管理员（{message}）',
    RULE_SET_MISMATCH: '协商所用的规则版本不一致，请联系系统管理员（{message}）',
    UNKNOWN_VERSION: '协商流程版本未知，请联系系统管理员（{message}）',
  },
};
