import type zh from '../zh-CN/workbench';

export default {
  overdue: 'Overdue',
  dueThisWeek: 'Due this week',
  other: 'Also worth a look',
  otherHint: 'Renewal windows, agreements expiring, stalled negotiations, enterprises without an agreement',
  nothing: 'Nothing to do',
  kind: 'What',
  enterprise: 'Enterprise',
  dueOn: 'Date',
  status: 'Status',
  rule: 'Rule',
  open: 'Open',
  myEnterprises: 'My enterprises',
  myNegotiations: 'My negotiations',
  count: '{n} in all',
  township: 'Township',
  employees: 'Employees',
  union: 'Union founded',
  noUnion: 'No union',
  noOpenNegotiations: 'No negotiation under way',
  today: 'Today is {date}',
} satisfies typeof zh;
