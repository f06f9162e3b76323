import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ValidateIf,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role } from '../../../infra/auth/role';
import { PageQueryDto } from '../../../infra/http/pagination';
import { SECTOR_CODES } from '../../taxonomy/sectors';
import { SessionUserDto } from './login.dto';

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  email: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role: Role;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'NACE sections (A-U) an accountmanager serves',
  })
  @IsOptional()
  @ArrayUnique()
  @IsIn(SECTOR_CODES, { each: true })
  sectors?: string[];

  @ApiPropertyOptional({
    description: 'Required for role werkgever: the employer this contact speaks for',
  })
  @IsOptional()
  @IsUUID()
  employerId?: string;
}

// skipNullProperties: false, so `null` for a required field is refused (400) instead of reaching the database
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['employerId'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'null unlinks the account from its employer',
  })
  @IsOptional()
  @ValidateIf((_dto: unknown, value: unknown) => value !== null)
  @IsUUID()
  employerId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}

export class UserResponseDto extends SessionUserDto {
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: Date;
}

export class UserPageDto {
  @ApiProperty({ type: [UserResponseDto] }) items: UserResponseDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
