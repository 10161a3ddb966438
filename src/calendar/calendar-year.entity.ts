import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One year of the official working-day calendar: the State Council's holiday arrangement.
 * Seeded from an npm package of the official data (`source` = `<package>@<version>`) or
 * replaced by an admin (`source` = `admin`, with who and when); a seed never overwrites an admin's year.
 */
@Entity({ name: 'calendar_years' })
export class CalendarYear {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 100 })
  source!: string;

  /** Rest days (法定节假日 and the weekend days of a holiday block), a JSON array of dates, sorted. */
  @Column({ type: 'text' })
  holidays!: string;

  /** 调休: weekend days that are working days, a JSON array of dates, sorted. */
  @Column({ type: 'text' })
  workdays!: string;

  @Column({ name: 'updated_by_id', type: 'integer', nullable: true })
  updatedById!: number | null;

  @Column({ name: 'updated_by_name', type: 'varchar', length: 100, nullable: true })
  updatedByName!: string | null;

  @Column({ name: 'updated_at', type: 'datetime', nullable: true })
  updatedAt!: Date | null;
}
