// The events and their field rules live in the shared package: the web builds its forms from them.
export { EVENT_SPECS, EVENT_TYPES, eventSpec, findEventSpec, isSystemOnly } from '@wagetrack/shared';
export type {
  EventOf,
  EventSpec,
  EventType,
  FieldSpec,
  FieldType,
  NegotiationEvent,
} from '@wagetrack/shared';
