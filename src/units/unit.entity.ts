import {
  Column,
  CreateDateColumn,
  Entity,
  ManyToOne,
  JoinColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const UNIT_LEVELS = ['VILLAGE', 'TOWNSHIP', 'COUNTY', 'PREFECTURE', 'PROVINCE', 'NATIONAL'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
export const UNIT_KINDS = [
  'PARTY_COMMITTEE',
  'GOVERNMENT',
  'PEOPLES_CONGRESS',
  'CPPCC',
  'DISCIPLINE_INSPECTION',
  'COURT',
  'PROCURATORATE',
  'PUBLIC_INSTITUTION',
  'STATE_ENTERPRISE',
  'MASS_ORGANISATION',
  'VILLAGE_COMMITTEE',
  'COMMUNITY_COMMITTEE',
  'OTHER',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
/** Units at COUNTY level and below count as grassroots. */
export const GRASSROOTS_UNIT_LEVELS: readonly UnitLevel[] = ['VILLAGE', 'TOWNSHIP', 'COUNTY'];

@Entity('unit')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 64, unique: true }) code!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) level!: UnitLevel;
  @Column({ type: 'varchar', length: 32 }) kind!: UnitKind;
  @Column({ type: 'uuid', nullable: true }) parentId!: string | null;
  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: UnitEntity | null;
  /** The administrative area the unit governs (e.g. 白马县), on an area's top units: home-area avoidance. */
  @Column({ type: 'varchar', length: 100, nullable: true }) areaName!: string | null;
  /** Maintained by a trigger: the ltree of ids from the root. */
  @Column({ type: 'ltree', insert: false, update: false }) path!: string;
  /** Written by syncs only (see the add-record-source migration). */
  @Column({ type: 'varchar', length: 64, nullable: true, insert: false, update: false }) source!:
    string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
