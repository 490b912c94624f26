import { Injectable } from '@nestjs/common';
import { DisclosureException, DisclosureExceptionCode } from '../exceptions/disclosure.exception';
import { DisclosureSourceRepository, TenantScope } from '../repositories/disclosure-source.repository';

/** The public portal names its jurisdiction by code in the path; no login tells us which it is. */
@Injectable()
export class PublicScopeService {
  constructor(private readonly sources: DisclosureSourceRepository) {}

  async getScopeOrFail(jurisdictionCode: string): Promise<TenantScope> {
    const jurisdictionId = /^[A-Za-z0-9_-]{1,64}$/.test(jurisdictionCode) ? await this.sources.jurisdictionIdByCode(jurisdictionCode) : null;
    if (!jurisdictionId) throw new DisclosureException(DisclosureExceptionCode.DISCLOSURE_NOT_FOUND, `No jurisdiction ${jurisdictionCode}`);
    return { jurisdictionId };
  }
}
