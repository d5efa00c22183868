import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { createTestApp, type TestApp } from '../testing/test-app';
import { ALLOWED_ROLES, IS_PUBLIC } from './access.decorators';

/** Every route must say who may call it: public, or a list of roles. A forgotten marker fails here. */
describe('route access rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every registered route is marked public or names its roles', () => {
    const discovery = t.app.get(DiscoveryService);
    const scanner = t.app.get(MetadataScanner);
    const reflector = t.app.get(Reflector);
    const routes: string[] = [];
    const unmarked: string[] = [];
    for (const wrapper of discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller || !wrapper.instance) continue;
      const prototype = Object.getPrototypeOf(wrapper.instance);
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const route = `${method} ${Reflect.getMetadata(PATH_METADATA, controller)}/${Reflect.getMetadata(PATH_METADATA, handler)}`;
        routes.push(route);
        const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller]);
        const roles = reflector.getAllAndOverride<string[]>(ALLOWED_ROLES, [handler, controller]);
        if (!isPublic && !(roles && roles.length > 0)) unmarked.push(route);
      }
    }
    expect(routes.length).toBeGreaterThanOrEqual(9);
    expect(routes).toContain('POST auth/login');
    expect(unmarked).toEqual([]);
  });
});
