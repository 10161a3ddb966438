import { ApiProperty } from '@nestjs/swagger';

export class ImportRowError {
  @ApiProperty({ description: 'row number in the file, as a spreadsheet program shows it' }) row!: number;
  @ApiProperty({ description: 'the column header as written in the file' }) column!: string;
  @ApiProperty({ nullable: true, type: String }) value!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty({
    description: 'the same problem in Chinese, for whoever fixes the file (the bad-rows 错误说明)',
  })
  messageZh!: string;
}

export class ImportResult {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [ImportRowError] }) errors!: ImportRowError[];
  @ApiProperty({ description: 'true when nothing was written (dryRun, or atomic with errors)' })
  dryRun!: boolean;
  @ApiProperty({ description: 'whether the changes were written' }) applied!: boolean;
  @ApiProperty({
    required: false,
    description:
      'the bad rows as an .xlsx workbook (base64) with an 错误说明 column, to fix and import again',
  })
  badRowsXlsx?: string;
}

/** One refused cell: where, what it held (as text), and why, for the API and for the office. */
export function rowError(
  row: number,
  column: string,
  value: unknown,
  message: string,
  messageZh: string,
): ImportRowError {
  return {
    row,
    column,
    value: value === undefined || value === null ? null : String(value),
    message,
    messageZh,
  };
}
