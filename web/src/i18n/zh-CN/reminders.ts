export default {
  run: '立即生成今日提醒',
  queued: '已生成 {queued} 封提醒邮件',
  retry: '重试',
  retried: '已重新排队发送',
  status: {
    pending: '待发送',
    failed: '发送失败',
    parked: '已搁置',
    sent: '已发送',
  },
  kind: {
    instructor_digest: '指导员待办',
    supervisor_summary: '主管汇总',
  },
  column: {
    recipient: '收件人',
    kind: '类型',
    slotDate: '日期',
    subject: '主题',
    attempts: '尝试次数',
    nextAttempt: '下次尝试',
    sentAt: '发送时间',
    lastError: '最近错误',
  },
};
