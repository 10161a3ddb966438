import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../api/types';
import { homeRoute } from './access';

declare module 'vue-router' {
  interface RouteMeta {
    /** The i18n key of the screen's title (browser tab and menu). */
    title?: string;
    /** Who may open the screen; absent = every signed-in user. Mirrors the API's access rules. */
    roles?: readonly Role[];
    /** Open without signing in (the login screen only). */
    public?: boolean;
  }
}

/** Each screen is its own lazily loaded chunk; a new screen replaces its placeholder view file. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../views/login/LoginView.vue'),
    meta: { public: true, title: 'login.title' },
  },
  {
    path: '/',
    component: () => import('../layout/AppLayout.vue'),
    children: [
      { path: '', name: 'home', redirect: homeRoute },
      {
        path: 'workbench',
        name: 'workbench',
        component: () => import('../views/workbench/WorkbenchView.vue'),
        meta: { title: 'common.nav.workbench', roles: ['instructor'] },
      },
      {
        path: 'negotiations',
        name: 'negotiations',
        component: () => import('../views/negotiations/NegotiationListView.vue'),
        meta: { title: 'common.nav.negotiations' },
      },
      {
        path: 'negotiations/:id(\\d+)',
        name: 'negotiation',
        component: () => import('../views/negotiations/NegotiationView.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: 'common.nav.negotiation' },
      },
      {
        path: 'enterprises',
        name: 'enterprises',
        component: () => import('../views/enterprises/EnterpriseListView.vue'),
        meta: { title: 'common.nav.enterprises' },
      },
      {
        path: 'enterprises/new',
        name: 'enterprise-new',
        component: () => import('../views/enterprises/EnterpriseFormView.vue'),
        meta: { title: 'common.nav.enterpriseNew', roles: ['admin'] },
      },
      {
        path: 'enterprises/import',
        name: 'enterprise-import',
        component: () => import('../views/enterprises/ImportView.vue'),
        meta: { title: 'common.nav.enterpriseImport', roles: ['admin'] },
      },
      {
        path: 'enterprises/:id(\\d+)',
        name: 'enterprise',
        component: () => import('../views/enterprises/EnterpriseView.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: 'common.nav.enterprise' },
      },
      {
        path: 'reports',
        name: 'reports',
        component: () => import('../views/reports/ReportsView.vue'),
        meta: { title: 'common.nav.reports', roles: ['supervisor', 'admin'] },
      },
      {
        path: 'campaigns',
        name: 'campaigns',
        component: () => import('../views/campaigns/CampaignListView.vue'),
        meta: { title: 'campaigns.nav.list', roles: ['admin', 'supervisor'] },
      },
      {
        path: 'campaigns/new',
        name: 'campaign-new',
        component: () => import('../views/campaigns/CampaignFormView.vue'),
        meta: { title: 'campaigns.nav.new', roles: ['admin'] },
      },
      {
        path: 'campaigns/:id(\\d+)',
        name: 'campaign',
        component: () => import('../views/campaigns/CampaignView.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: 'campaigns.nav.detail', roles: ['admin', 'supervisor'] },
      },
      {
        path: 'users',
        name: 'users',
        component: () => import('../views/admin/UsersView.vue'),
        meta: { title: 'common.nav.users', roles: ['admin'] },
      },
      {
        path: 'reminders',
        name: 'reminders',
        component: () => import('../views/admin/RemindersView.vue'),
        meta: { title: 'common.nav.reminders', roles: ['admin', 'supervisor'] },
      },
      {
        path: 'calendar',
        name: 'calendar',
        component: () => import('../views/admin/CalendarView.vue'),
        meta: { title: 'calendar.title', roles: ['admin'] },
      },
      {
        path: 'org-units',
        name: 'org-units',
        component: () => import('../views/org-units/OrgUnitsView.vue'),
        meta: { title: 'common.nav.orgUnits', roles: ['admin'] },
      },
      {
        path: 'org-units/:id(\\d+)/targets',
        name: 'org-unit-targets',
        component: () => import('../views/org-units/UnitTargetsView.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: 'common.nav.orgUnitTargets', roles: ['admin', 'supervisor'] },
      },
      {
        path: 'profile',
        name: 'profile',
        component: () => import('../views/profile/ProfileView.vue'),
        meta: { title: 'common.nav.profile' },
      },
    ],
  },
  { path: '/:unknown(.*)*', redirect: { name: 'home' } },
];
