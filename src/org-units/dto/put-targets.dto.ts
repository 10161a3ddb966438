import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';

const TargetRules = (field: string, label: string) => {
  const message = `${field}（${label}签订率目标）须为 0 至 1 之间的小数（如 0.9 即 90%），null 表示沿用上级`;
  return applyDecorators(
    ApiProperty({
      required: false,
      nullable: true,
      type: Number,
      minimum: 0,
      maximum: 1,
      description: `${label}: a fraction 0–1; null: inherit again; left out: unchanged`,
    }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message }),
    Min(0, { message }),
    Max(1, { message }),
  );
};

/** A unit's own targets: a sector given sets it, null removes it (inherited again), left out stays. */
export class PutTargetsDto {
  @TargetRules('state', '国有及国有控股企业') state?: number | null;
  @TargetRules('nonPublic', '非公企业') nonPublic?: number | null;
  @TargetRules('collective', '集体企业') collective?: number | null;
  @TargetRules('other', '其他企业') other?: number | null;
}
