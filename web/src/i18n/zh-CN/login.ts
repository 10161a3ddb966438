export default {
  title: '登录',
  subtitle: '县总工会工资集体协商跟踪系统',
  username: '用户名',
  password: '密码',
  submit: '登录',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  expired: '登录已过期，请重新登录',
};
