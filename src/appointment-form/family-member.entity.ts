import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RelationKind } from './relation-kind';

/** 家庭主要成员及重要社会关系: one row of the form's last table. */
@Entity('family_member')
export class FamilyMemberEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cadreId!: string;
  @Column({ type: 'smallint' }) position!: number;
  @Column({ type: 'varchar', length: 20 }) relation!: string;
  @Column({ type: 'varchar', length: 24 }) relationKind!: RelationKind;
  /** The relative's own cadre record, when they are a cadre (read both ways by avoidance). */
  @Column({ type: 'uuid', nullable: true }) relatedCadreId!: string | null;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'date', nullable: true }) birthDate!: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) politicalStatus!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) workUnitAndPost!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
