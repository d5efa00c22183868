import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { UserDto } from '@welcome-ruhr/contracts';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'List users (moderators: the people of their cities)' })
  @ApiResponse({ status: 200, type: [UserResponseDto] })
  list(@CurrentUser() viewer: AuthUser, @Query() query: ListUsersQuery): Promise<UserDto[]> {
    return this.users.list(viewer, query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user with a password (the scriptable path; invitations are the friendly one)' })
  @ApiResponse({ status: 201, type: UserResponseDto })
  create(@Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(body);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'One user' })
  @ApiResponse({ status: 200, type: UserResponseDto })
  get(@Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit name, role, cities; deactivate or reactivate' })
  @ApiResponse({ status: 200, type: UserResponseDto })
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(actor, id, body);
  }
}
