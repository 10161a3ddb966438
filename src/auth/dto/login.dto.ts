import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { UserResponse } from '../../users/dto/user.response';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString({ message: 'username must be a string' })
  @Length(1, 64, { message: 'username must be 1 to 64 characters' })
  username!: string;

  @ApiProperty({ writeOnly: true })
  @IsString({ message: 'password must be a string' })
  @Length(1, 256, { message: 'password must be 1 to 256 characters' })
  password!: string;
}

export class LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
}
