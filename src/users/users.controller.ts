import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/decorators';
import { PageQuery } from '../common/http/page';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { InstructorPage, UserPage, UserResponse } from './dto/user.response';
import { UserNotFoundError } from './users.errors';
import { UsersService } from './users.service';
import { ApiErrors } from '../common/http/error-response';

const userId = new ParseIntPipe({ exceptionFactory: () => new UserNotFoundError('with that id') });

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.get(actor.id, actor);
  }

  @Post('users')
  @HttpCode(201)
  @Roles('admin')
  @ApiErrors({
    403: 'AUTH.FORBIDDEN_UNIT: orgUnitId outside the admin’s subtree (or none, for an admin with a unit)',
    409: 'USER.DUPLICATE_USERNAME: the username is taken',
    422: 'USER.UNKNOWN_ORG_UNIT: no unit has the id orgUnitId',
  })
  @ApiCreatedResponse({ type: UserResponse })
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.create(dto, actor);
  }

  @Get('users')
  @Roles('admin')
  @ApiOkResponse({ type: UserPage })
  list(@Query() query: PageQuery, @CurrentActor() actor: Actor): Promise<UserPage> {
    return this.users.list(query, actor);
  }

  @Get('instructors')
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'The instructors (id, username, display name, active), deactivated ones included, by id',
  })
  @ApiOkResponse({ type: InstructorPage })
  instructors(@Query() query: PageQuery, @CurrentActor() actor: Actor): Promise<InstructorPage> {
    return this.users.instructors(query, actor);
  }

  @Get('users/:id')
  @ApiOperation({
    summary: 'A user: admins read anyone of their subtree (all, without a unit), others themselves',
  })
  @ApiOkResponse({ type: UserResponse })
  get(@Param('id', userId) id: number, @CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.get(id, actor);
  }

  @Patch('users/:id')
  @ApiOperation({
    summary: 'Change a user',
    description:
      'Admins change any field; a user changes their own email, language, digestOptOut, and password ' +
      'with currentPassword. A new password or a deactivation ends the user’s existing tokens. An ' +
      'instructor deactivated or given another role leaves their enterprises unassigned (audited). ' +
      'An admin with a unit changes only the users of their subtree (others are 404) and moves them only within it.',
  })
  @ApiErrors({
    403: 'AUTH.FORBIDDEN_FIELD: a non-admin changing a field other than their own email, language, digestOptOut or password; AUTH.FORBIDDEN_UNIT: orgUnitId outside the admin’s subtree',
    422: 'USER.CURRENT_PASSWORD_REQUIRED: changing your own password needs currentPassword; USER.LAST_ADMIN: the last active admin cannot be deactivated or demoted (the error names role or active); USER.UNKNOWN_ORG_UNIT: no unit has the id orgUnitId; USER.ENTERPRISES_OUTSIDE_UNIT: an instructor moved to a unit that does not cover their enterprises',
  })
  @ApiOkResponse({ type: UserResponse })
  update(
    @Param('id', userId) id: number,
    @Body() dto: UpdateUserDto,
    @CurrentActor() actor: Actor,
  ): Promise<UserResponse> {
    return this.users.update(id, dto, actor);
  }
}
