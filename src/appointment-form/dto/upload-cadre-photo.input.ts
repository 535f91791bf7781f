import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBase64, IsIn, IsUUID } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { PHOTO_CONTENT_TYPES, PHOTO_MAX_BASE64, PhotoContentType } from '../cadre-photo.entity';

@InputType({
  description: 'The form’s photo as base64: JPEG or PNG, at most 32 KiB (43,692 base64 characters).',
})
export class UploadCadrePhotoInput {
  @Field(() => ID, { description: "The cadre's id." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field(() => String, { description: 'image/jpeg or image/png.' })
  @IsIn(PHOTO_CONTENT_TYPES, { message: 'contentType must be image/jpeg or image/png' })
  contentType!: PhotoContentType;

  @Field({ description: 'The picture, base64-encoded.' })
  @MaxLength(PHOTO_MAX_BASE64, {
    message: `The photo is at most 32 KiB (${PHOTO_MAX_BASE64} base64 characters).`,
  })
  @IsBase64({}, { message: 'base64 must be base64-encoded' })
  base64!: string;
}
