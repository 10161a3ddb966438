export default {
  appName: '工资集体协商跟踪',
  nav: {
    workbench: '我的工作台',
    negotiations: '协商',
    negotiation: '协商详情',
    enterprises: '企业',
    enterpriseNew: '新建企业',
    enterprise: '企业信息',
    enterpriseImport: '导入企业名册',
    reports: '报表',
    users: '用户',
    reminders: '提醒邮件',
    profile: '个人设置',
    orgUnits: '单位管理',
    orgUnitTargets: '签订率目标',
  },
  role: {
    admin: '系统管理员',
    supervisor: '主管领导',
    instructor: '指导员',
  },
  header: {
    language: '语言',
    profile: '个人设置',
    signOut: '退出登录',
  },
};
