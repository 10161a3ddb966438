import { AppError } from '../common/errors/app-error';

export class ReminderNotFoundError extends AppError {
  constructor(id: number | string) {
    super(404, 'REMINDER.NOT_FOUND', `reminder ${id} does not exist`);
  }
}

export class ReminderAlreadySentError extends AppError {
  constructor(id: number) {
    super(
      409,
      'REMINDER.ALREADY_SENT',
      `reminder ${id} was sent already; only failed or parked ones are retried`,
    );
  }
}
