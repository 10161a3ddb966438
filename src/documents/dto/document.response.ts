import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_KINDS, type DocumentKind } from '../content/document-kinds';

/** One document of a negotiation (docs/contract.md, Documents and statistics). */
export class DocumentResponse {
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind', example: 'offer' })
  kind!: DocumentKind;

  @ApiProperty({
    example: '要约书',
    description: 'The agreement text is named by its kind: 工资专项集体合同文本',
  })
  title!: string;

  @ApiProperty({ description: 'Whether GET …/documents/{kind}.docx gives it now' })
  available!: boolean;

  @ApiPropertyOptional({
    example: '尚未记录“发出协商要约”：要约书在发出要约后生成',
    description: 'When not available: why, in Chinese, naming the step that is missing',
  })
  reason?: string;
}
