import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_KEY } from './access.decorator';

/** Refuses to boot when any HTTP route lacks @Public() or @Roles(): deny by default, visibly. */
@Injectable()
export class RouteAccessVerifier implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      const classRule = this.reflector.get<unknown>(
        ACCESS_KEY,
        instance.constructor as () => unknown,
      );
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (!classRule && !this.reflector.get<unknown>(ACCESS_KEY, handler)) {
          missing.push(`${wrapper.name}.${name}`);
        }
      }
    }
    if (missing.length > 0) {
      throw new Error(`Routes without an access rule (@Public or @Roles): ${missing.join(', ')}`);
    }
  }
}
