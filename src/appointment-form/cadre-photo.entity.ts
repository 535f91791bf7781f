import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];
/** cadre_photo_size_check: 32 KiB, about 43.7 KB as base64, under the 64 KB body limit of department tokens. */
export const PHOTO_MAX_BYTES = 32_768;
export const PHOTO_MAX_BASE64 = Math.ceil(PHOTO_MAX_BYTES / 3) * 4;

/** The form's photo, one per cadre. */
@Entity('cadre_photo')
export class CadrePhotoEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cadreId!: string;
  @Column({ type: 'varchar', length: 16 }) contentType!: PhotoContentType;
  @Column({ type: 'bytea' }) content!: Buffer;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
