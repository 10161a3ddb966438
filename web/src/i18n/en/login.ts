import type zh from '../zh-CN/login';

export default {
  title: 'Sign in',
  subtitle: 'Collective wage bargaining tracker of the county federation of trade unions',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  usernameRequired: 'Enter your username',
  passwordRequired: 'Enter your password',
  expired: 'Your session has ended; please sign in again',
} satisfies typeof zh;
