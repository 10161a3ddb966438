import { AppError } from '../common/errors/app-error';

export class MissingFileError extends AppError {
  constructor() {
    super(
      422,
      'IMPORT.NO_FILE',
      'send the spreadsheet as multipart/form-data in the field "file" (.xlsx or .csv)',
      [{ field: 'file', message: 'is required' }],
      { messageZh: '请选择要导入的文件（.xlsx 或 .csv）' },
    );
  }
}

/** An upload over IMPORT_MAX_MB (multer stops reading it): the limit named, in both languages. */
export class ImportFileTooLargeError extends AppError {
  constructor(limitBytes: number) {
    const limitMb = Math.round((limitBytes / (1024 * 1024)) * 100) / 100;
    const message = `the file is larger than the import limit of ${limitMb} MB (IMPORT_MAX_MB)`;
    super(413, 'REQUEST.BODY_TOO_LARGE', message, [{ field: 'file', message }], {
      limitMb,
      messageZh: `文件超过了 ${limitMb} MB 的导入上限：请删去多余的工作表或图片，或把名册分成几个文件分别导入`,
    });
  }
}
