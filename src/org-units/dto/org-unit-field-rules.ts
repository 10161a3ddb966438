import { applyDecorators } from '@nestjs/common';
import { ApiHideProperty, ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Min, ValidateBy, ValidateIf } from 'class-validator';
import { cleanCode } from '../../common/text/plain-text';
import { CleanText, IsOptionalNotNull, IsPlainText } from '../../common/validation/decorators';
import { LEVEL_LABELS_ZH, normalizeCode, ORG_UNIT_LEVELS } from '../domain/org-unit-code';

/** The rules of each unit field, for create and update (messages name the field, in Chinese). */
type Presence = 'required' | 'optional';

/** 6, 9 or 12 digits (full-width digits too), padded to 12; anything else is left for the rule to refuse. */
export const CodeRules = () =>
  applyDecorators(
    ApiProperty({
      example: '510104',
      description: '统计用区划代码: 12 digits, or 6/9 digits padded with zeros',
      pattern: '^(\\d{6}|\\d{9}|\\d{12})$',
    }),
    Transform(({ value }) =>
      typeof value === 'string' ? (normalizeCode(cleanCode(value)) ?? value) : value,
    ),
    ValidateBy({
      name: 'isDivisionCode',
      validator: {
        validate: (value) => typeof value === 'string' && /^\d{12}$/.test(value),
        defaultMessage: () => 'code（区划代码）须为 6、9 或 12 位数字的字符串，如 "510104"',
      },
    }),
  );

export const NameRules = (mode: Presence) =>
  applyDecorators(
    ApiProperty({ example: '锦江区', maxLength: 100, required: mode === 'required' }),
    ...(mode === 'optional' ? [IsOptionalNotNull()] : []),
    CleanText(),
    IsString({ message: 'name（名称）须为文字' }),
    IsPlainText(),
    Length(1, 100, { message: 'name（名称）须为 1 至 100 个字' }),
  );

export const LevelRules = () =>
  applyDecorators(
    ApiProperty({ enum: ORG_UNIT_LEVELS, description: 'one level below the parent’s' }),
    IsIn(ORG_UNIT_LEVELS, {
      message: `level（层级）须为 ${ORG_UNIT_LEVELS.map((level) => `${level}（${LEVEL_LABELS_ZH[level]}）`).join('、')} 之一`,
    }),
  );

export const ParentIdRules = () =>
  applyDecorators(
    ApiProperty({ required: false, nullable: true, type: Number, description: 'absent or null: a new root' }),
    IsOptional(),
    IsInt({ message: 'parentId（上级单位）须为单位的 id（正整数）' }),
    Min(1, { message: 'parentId（上级单位）须为单位的 id（正整数）' }),
  );

/** A field that is set once and never changed: refused by name in an update. */
export const NeverChanged = (field: string, why: string) =>
  applyDecorators(
    ApiHideProperty(),
    ValidateIf((_object, value) => value !== undefined),
    ValidateBy({
      name: 'neverChanged',
      validator: { validate: () => false, defaultMessage: () => `${field} ${why}` },
    }),
  );
