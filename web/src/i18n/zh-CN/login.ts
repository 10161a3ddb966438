export default {
  title: '登录',
  subtitle: '请使用县总工会分配的账号登录',
  username: '用户名',
  password: '密码',
  submit: '登录',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  expired: '登录已过期，请重新登录',
};
