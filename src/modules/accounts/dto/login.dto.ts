import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../../infra/auth/role';

export class LoginDto {
  @ApiProperty({ example: 'am.logistiek@werkspoor.demo' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Werkspoor45!demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class SessionUserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty({ type: String, nullable: true }) employerId: string | null;
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
}
