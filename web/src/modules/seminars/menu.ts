import type { Permission } from '../../shared/enums.ts';
import type { MessageKey } from '../../shared/i18n.ts';

/** The seminars group of the side menu (高级研修); the enrolment half adds its entries here. */
export const SEMINARS_GROUP = 'seminars';
export const SEMINARS_MENU: readonly { path: string; label: MessageKey; permission?: Permission }[] = [
  { path: '/seminars', label: 'menu.seminars.list', permission: 'seminar.read' },
  { path: '/seminars/manage', label: 'menu.seminars.manage', permission: 'seminar.manage' },
  { path: '/seminars/enrolment-rules', label: 'menu.seminars.enrolmentRules', permission: 'seminar.manage' },
  { path: '/seminars/reviews', label: 'menu.seminars.reviews', permission: 'seminar.review' },
  { path: '/seminars/oversight', label: 'menu.seminars.oversight', permission: 'seminar.oversight' },
  { path: '/public/seminars', label: 'menu.seminars.public' },
];
