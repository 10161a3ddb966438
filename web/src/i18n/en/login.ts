import type zh from '../zh-CN/login';

export default {
  title: 'Sign in',
  subtitle: 'Sign in with the account your county union office gave you',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  usernameRequired: 'Enter your username',
  passwordRequired: 'Enter your password',
  expired: 'Your session has ended; please sign in again',
} satisfies typeof zh;
