import {
  Calendar,
  ChatDotRound,
  DataLine,
  Message,
  OfficeBuilding,
  Odometer,
  Promotion,
  Share,
  User,
} from '@element-plus/icons-vue';
import type { Component } from 'vue';

/** The side menu, in order: each entry opens a named route and shows only to the roles that route allows. */
export const MENU: ReadonlyArray<{ route: string; icon: Component }> = [
  { route: 'workbench', icon: Odometer },
  { route: 'negotiations', icon: ChatDotRound },
  { route: 'enterprises', icon: OfficeBuilding },
  { route: 'reports', icon: DataLine },
  { route: 'campaigns', icon: Promotion },
  { route: 'users', icon: User },
  { route: 'org-units', icon: Share },
  { route: 'reminders', icon: Message },
  { route: 'calendar', icon: Calendar },
];
