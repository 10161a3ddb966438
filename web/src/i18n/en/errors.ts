import type zh from '../zh-CN/errors';

export default {
  unknown: 'That did not work: {message}',
  AUTH: {
    BAD_CREDENTIALS: 'Wrong username or password',
    TOO_MANY_FAILURES: 'Too many failed sign-ins; try again in {minutes} minutes',
    UNAUTHENTICATED: 'Your session has ended; please sign in again',
    FORBIDDEN: 'Your role may not do this',
    FORBIDDEN_FIELD: 'Your role may not change this',
    FORBIDDEN_UNIT: 'Outside the units you govern ({message})',
  },
  ENTERPRISE: {
    NOT_FOUND: 'The enterprise does not exist or is not one of yours',
    DUPLICATE_CREDIT_CODE: 'Another enterprise has this unified social credit code',
    CLOSED_BEFORE_REGISTERED: 'The closing date cannot be before the registration date',
    UNION_FOUNDED_ON:
      'The union founding date cannot be in the future or before the enterprise was registered',
    WORKERS_CONGRESS_ON:
      'The workers’ congress date cannot be in the future or before the enterprise was registered',
    UNKNOWN_INSTRUCTOR: 'The chosen instructor does not exist or is inactive',
    REGISTERED_ON: 'The registration date cannot be in the future',
    VERSION_CONFLICT: 'Someone else just changed this enterprise: load the latest values, then save again',
    BAD_TOWNSHIP: 'The township is wrong ({message})',
    INSTRUCTOR_OUTSIDE_UNIT: 'The instructor’s unit does not cover the enterprise’s township',
  },
  NEGOTIATION: {
    NOT_FOUND: 'The negotiation does not exist or is not one of yours',
    VERSION_CONFLICT:
      'Someone else just updated this negotiation; it has been reloaded: check and submit again',
    ILLEGAL_EVENT: 'This cannot be recorded at the current stage ({message})',
    GUARD_FAILED: 'The bargaining procedure does not allow this ({message})',
    INVALID_EVENT: 'Some of the details are not valid ({message})',
    ENTERPRISES: 'The enterprises do not fit the scope ({message})',
    RENEWS: 'The agreement being renewed does not qualify ({message})',
    ALREADY_OPEN:
      'An enterprise you chose already has an open round of this kind: record its events there, or abandon it first',
  },
  CALENDAR: {
    YEAR_NOT_FOUND: 'The holiday arrangement of that year is not loaded',
    BAD_YEAR: 'Not a year: give one between 2000 and 2100',
    BAD_DATES: 'The holiday arrangement has errors ({message})',
  },
  CAMPAIGN: {
    NOT_FOUND: 'No such offer campaign, or not one of a unit you govern',
    NO_OFFER_LETTERS: 'No offer letters to download yet ({message})',
  },
  ORG_UNIT: {
    NOT_FOUND: 'No such unit, or not one you govern',
    DUPLICATE_CODE: 'Another unit already has this division code',
    BAD_PLACEMENT: 'The code or level does not fit under the parent unit ({message})',
  },
  DOCUMENT: {
    UNKNOWN_KIND: 'There is no such document',
    NOT_AVAILABLE: 'This document cannot be made yet ({message})',
    TEMPLATE_INVALID: 'The document template is broken; tell the administrator ({message})',
  },
  IMPORT: {
    NO_FILE: 'Choose a file to import (.xlsx or .csv)',
    UNREADABLE_FILE: 'The file cannot be read; use .xlsx or .csv ({message})',
  },
  REMINDER: {
    NOT_FOUND: 'The reminder does not exist',
    ALREADY_SENT: 'This reminder was sent already; only failed or parked ones can be retried',
  },
  REPORTS: {
    BAD_INPUT: 'The report options are not valid ({message})',
  },
  USER: {
    NOT_FOUND: 'The user does not exist',
    DUPLICATE_USERNAME: 'This username is taken',
    CURRENT_PASSWORD_REQUIRED: 'Changing your own password needs your current password',
    LAST_ADMIN: 'This is the last active administrator: make another one first',
    UNKNOWN_ORG_UNIT: 'No such unit',
    ENTERPRISES_OUTSIDE_UNIT:
      'Some of the instructor’s enterprises are outside the new unit: reassign them first ({message})',
  },
  REQUEST: {
    BAD_REQUEST: 'The request is malformed ({message})',
    BODY_TOO_LARGE: 'What you sent is too large',
    MALFORMED_JSON: 'The request is malformed ({message})',
    UNKNOWN_FIELD: 'The request has a field the system does not know ({message})',
    UNSUPPORTED_ENCODING: 'Unsupported encoding; use UTF-8',
    UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
    VALIDATION_FAILED: 'Some entries are not valid: check the marked fields',
  },
  DATABASE: {
    UNAVAILABLE: 'The database is not answering: nothing was saved; try again shortly',
  },
  WRITE: {
    CONFLICT: 'A change made at the same moment won: nothing was saved; send it again',
  },
  HTTP: {
    NETWORK: 'The server cannot be reached; check the network and try again',
    CONFLICT: 'Someone else changed this data; reload and try again',
    METHOD_NOT_ALLOWED: 'This operation is not supported',
    NOT_FOUND: 'Not found',
    TOO_MANY_REQUESTS: 'Too many requests; try again shortly',
    UNAVAILABLE: 'The service is unavailable for the moment; try again shortly',
  },
  TIMER: {
    ORPHAN: 'The negotiation of this timer no longer exists',
  },
  WORKFLOW: {
    BAD_INPUT: 'The workflow input is not valid ({message})',
    BAD_SNAPSHOT: 'The negotiation record is damaged; contact the administrator ({message})',
    REPLAY_REJECTED: 'The negotiation history does not replay; contact the administrator ({message})',
    RULE_SET_MISMATCH:
      'The negotiation was recorded under another rule set; contact the administrator ({message})',
    UNKNOWN_VERSION: 'Unknown workflow version; contact the administrator ({message})',
  },
} satisfies typeof zh;
