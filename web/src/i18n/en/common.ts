import type zh from '../zh-CN/common';

export default {
  appName: 'Wage bargaining tracker',
  nav: {
    workbench: 'My workbench',
    negotiations: 'Negotiations',
    negotiation: 'Negotiation',
    enterprises: 'Enterprises',
    enterpriseNew: 'New enterprise',
    enterprise: 'Enterprise',
    enterpriseImport: 'Import the roster',
    reports: 'Reports',
    users: 'Users',
    reminders: 'Reminder e-mails',
    profile: 'My account',
    orgUnits: 'Units',
    orgUnitTargets: 'Signing-rate targets',
  },
  role: {
    admin: 'Administrator',
    supervisor: 'Supervisor',
    instructor: 'Instructor',
  },
  header: {
    language: 'Language',
    profile: 'My account',
    signOut: 'Sign out',
  },
} satisfies typeof zh;
