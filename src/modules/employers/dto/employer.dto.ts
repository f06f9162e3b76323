import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../infra/http/pagination';
import {
  OptionalNotNull,
  SORT_ORDERS,
  SortOrder,
  ToBoolean,
  Trim,
} from '../../../infra/http/validators';
import { SECTOR_CODES } from '../../taxonomy/sectors';
import { OPENNESS_TO_45_PLUS, OpennessTo45Plus } from '../employer.entity';

export const MAX_LOCATIONS = 50;
export const MAX_CONTACTS = 50;

export class CreateLocationDto {
  @ApiProperty({ example: 'Distributiecentrum Almere Poort' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: '1335', description: 'Dutch 4-digit postcode (PC4) of the site' })
  @Matches(/^\d{4}$/, { message: 'pc4 must be a 4-digit Dutch postcode, e.g. 1315' })
  pc4: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Almere' })
  @IsOptional()
  @IsString()
  @Trim()
  @MaxLength(120)
  city?: string | null;
}

/** In PATCH: with id an existing location is updated, without id one is created. */
export class LocationItemDto extends CreateLocationDto {
  @ApiPropertyOptional({
    description: 'Id of an existing location of this employer; leave out to add one',
  })
  @OptionalNotNull()
  @IsUUID()
  id?: string;
}

export class CreateContactDto {
  @ApiProperty({ example: 'Fatima el Amrani' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'HR-adviseur' })
  @IsOptional()
  @IsString()
  @Trim()
  @MaxLength(120)
  jobTitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'f.elamrani@voorbeeld.nl' })
  @IsOptional()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid e-mail address, e.g. naam@bedrijf.nl' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+31 36 123 4567' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ()-]{5,19}$/, {
    message: 'phone must be a phone number of digits, spaces, ( ) and -, e.g. 036-1234567',
  })
  phone?: string | null;
}

export class ContactItemDto extends CreateContactDto {
  @ApiPropertyOptional({
    description: 'Id of an existing contact of this employer; leave out to add one',
  })
  @OptionalNotNull()
  @IsUUID()
  id?: string;
}

export class CreateEmployerDto {
  @ApiProperty({ example: 'Logistiek Centrum Flevoland B.V.' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '12345678',
    description: 'Chamber of Commerce (KvK) number, exactly 8 digits; one employer per number',
  })
  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'kvkNumber must be exactly 8 digits, e.g. 12345678' })
  kvkNumber?: string | null;

  @ApiProperty({ enum: SECTOR_CODES, description: 'NACE / SBI section letter A-U' })
  @IsIn(SECTOR_CODES, { message: 'sector must be a NACE section letter A-U, e.g. H' })
  sector: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '5210',
    description: 'SBI 2008 code (2 to 5 digits) within the sector, e.g. 5210 for warehousing',
  })
  @IsOptional()
  @Matches(/^\d{2,5}$/, { message: 'sbiCode must be an SBI code of 2 to 5 digits, e.g. 5210' })
  sbiCode?: string | null;

  @ApiPropertyOptional({
    description:
      'The accountmanager who owns the relation (an active user with role accountmanager). ' +
      'Defaults to the caller when an accountmanager creates the employer.',
  })
  @OptionalNotNull()
  @IsUUID()
  accountManagerId?: string;

  @ApiPropertyOptional({ enum: OPENNESS_TO_45_PLUS, default: 'unknown' })
  @OptionalNotNull()
  @IsIn(OPENNESS_TO_45_PLUS)
  opennessTo45Plus?: OpennessTo45Plus;

  @ApiPropertyOptional({ default: false })
  @OptionalNotNull()
  @IsBoolean()
  acceptsTrialPlacements?: boolean;

  @ApiPropertyOptional({ default: false })
  @OptionalNotNull()
  @IsBoolean()
  trialPlacementExperience?: boolean;

  @ApiPropertyOptional({ default: false })
  @OptionalNotNull()
  @IsBoolean()
  diversityWorkshopInterest?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.voorbeeld.nl' })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'website must be an http(s) URL, e.g. https://www.voorbeeld.nl' },
  )
  @MaxLength(300)
  website?: string | null;

  @ApiPropertyOptional({ type: [CreateLocationDto], maxItems: MAX_LOCATIONS })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_LOCATIONS)
  @ValidateNested({ each: true })
  @Type(() => CreateLocationDto)
  locations?: CreateLocationDto[];

  @ApiPropertyOptional({ type: [CreateContactDto], maxItems: MAX_CONTACTS })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => CreateContactDto)
  contacts?: CreateContactDto[];
}

/**
 * Every field optional; null only where the field may be empty. `locations` and `contacts`,
 * when given, replace the lists: items with an id are updated, items without are added, and
 * existing items left out are removed.
 */
export class UpdateEmployerDto extends PartialType(
  OmitType(CreateEmployerDto, ['locations', 'contacts'] as const),
  { skipNullProperties: false },
) {
  @ApiPropertyOptional({
    type: [LocationItemDto],
    maxItems: MAX_LOCATIONS,
    description: 'The complete new list of locations',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_LOCATIONS)
  @ValidateNested({ each: true })
  @Type(() => LocationItemDto)
  locations?: LocationItemDto[];

  @ApiPropertyOptional({
    type: [ContactItemDto],
    maxItems: MAX_CONTACTS,
    description: 'The complete new list of contacts',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => ContactItemDto)
  contacts?: ContactItemDto[];
}

export const EMPLOYER_SORT_FIELDS = ['name', 'createdAt', 'updatedAt'] as const;
export type EmployerSortField = (typeof EMPLOYER_SORT_FIELDS)[number];

export class EmployerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SECTOR_CODES })
  @IsOptional()
  @IsIn(SECTOR_CODES, { message: 'sector must be a NACE section letter A-U' })
  sector?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  accountManagerId?: string;

  @ApiPropertyOptional({ enum: OPENNESS_TO_45_PLUS })
  @IsOptional()
  @IsIn(OPENNESS_TO_45_PLUS)
  opennessTo45Plus?: OpennessTo45Plus;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'acceptsTrialPlacements must be true or false' })
  acceptsTrialPlacements?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name, case-insensitive; empty means no filter' })
  @IsOptional()
  @IsString()
  @Trim()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: EMPLOYER_SORT_FIELDS, default: 'name' })
  @IsOptional()
  @IsIn(EMPLOYER_SORT_FIELDS)
  sort: EmployerSortField = 'name';

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'asc' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order: SortOrder = 'asc';
}

export class LocationResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() pc4: string;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
}

export class ContactResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) jobTitle: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'werkgever login of this contact' })
  userId: string | null;
}

export class EmployerSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) kvkNumber: string | null;
  @ApiProperty({ enum: SECTOR_CODES }) sector: string;
  @ApiProperty({ example: 'Vervoer en opslag' }) sectorLabel: string;
  @ApiProperty({ type: String, nullable: true }) sbiCode: string | null;
  @ApiProperty() accountManagerId: string;
  @ApiProperty({ type: String, nullable: true }) accountManagerName: string | null;
  @ApiPropertyOptional({
    enum: OPENNESS_TO_45_PLUS,
    description: 'Internal assessment; not shown to employer contacts',
  })
  opennessTo45Plus?: OpennessTo45Plus;
  @ApiProperty() acceptsTrialPlacements: boolean;
  @ApiProperty() trialPlacementExperience: boolean;
  @ApiProperty() diversityWorkshopInterest: boolean;
  @ApiProperty({ type: String, nullable: true }) website: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty() version: number;
}

export class EmployerResponseDto extends EmployerSummaryDto {
  @ApiProperty({ type: [LocationResponseDto] }) locations: LocationResponseDto[];
  @ApiProperty({ type: [ContactResponseDto] }) contacts: ContactResponseDto[];
}

export class EmployerPageDto {
  @ApiProperty({ type: [EmployerSummaryDto] }) items: EmployerSummaryDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
