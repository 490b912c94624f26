import { Module } from '@nestjs/common';
import { DisclosureOfficeController } from './controllers/disclosure-office.controller';
import { PublicDisclosureController } from './controllers/public-disclosure.controller';
import { SearchController } from './controllers/search.controller';
import { DisclosureModule } from './disclosure.module';

/** The disclosure module's HTTP surface (api only): the public portal, the office's redaction, staff search. */
@Module({ imports: [DisclosureModule], controllers: [PublicDisclosureController, DisclosureOfficeController, SearchController] })
export class DisclosureHttpModule {}
