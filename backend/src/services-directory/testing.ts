import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ServiceEntity } from './service.entity';

/** A directory entry; a unique name unless told otherwise. */
export async function newService(dataSource: DataSource, fields: Partial<ServiceEntity> = {}): Promise<ServiceEntity> {
  const repository = dataSource.getRepository(ServiceEntity);
  return repository.save(
    repository.create({
      category: 'registration-office',
      city: 'essen',
      name: `Test Service ${randomBytes(4).toString('hex')}`,
      address: null,
      latitude: null,
      longitude: null,
      openingHours: null,
      phone: null,
      email: null,
      website: null,
      appointmentUrl: null,
      languages: ['de'],
      descriptions: {},
      demo: false,
      createdBy: null,
      updatedBy: null,
      ...fields,
    }),
  );
}
