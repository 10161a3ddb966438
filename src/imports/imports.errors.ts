import { AppError } from '../common/errors/app-error';

export class MissingFileError extends AppError {
  constructor() {
    super(
      422,
      'IMPORT.NO_FILE',
      'send the spreadsheet as multipart/form-data in the field "file" (.xlsx or .csv)',
      [{ field: 'file', message: 'is required' }],
    );
  }
}
