import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobTemplateEntity } from '@app/domain';
import { TemplateFile } from './template-files';

export interface TemplateSync {
  created: string[];
  updated: string[];
  unchanged: string[];
}

@Injectable()
export class JobTemplatesService {
  constructor(@InjectRepository(JobTemplateEntity) private readonly templates: Repository<JobTemplateEntity>) {}

  list(): Promise<JobTemplateEntity[]> {
    return this.templates.find({ order: { name: 'ASC', key: 'ASC' } });
  }

  findById(id: string): Promise<JobTemplateEntity | null> {
    return this.templates.findOneBy({ id });
  }

  findByKey(key: string): Promise<JobTemplateEntity | null> {
    return this.templates.findOneBy({ key });
  }

  /**
   * Brings the table in line with the template files: new keys are inserted, changed ones
   * updated in place (jobs keep their own copy, so they do not change), others left alone.
   * Templates whose file disappeared stay: jobs may point at them.
   */
  async sync(files: readonly TemplateFile[]): Promise<TemplateSync> {
    const result: TemplateSync = { created: [], updated: [], unchanged: [] };
    for (const f of files) {
      const existing = await this.findByKey(f.key);
      if (!existing) {
        await this.templates.save(this.templates.create({ key: f.key, name: f.name, content: f.content }));
        result.created.push(f.key);
      } else if (existing.name !== f.name || JSON.stringify(existing.content) !== JSON.stringify(f.content)) {
        existing.name = f.name;
        existing.content = f.content;
        await this.templates.save(existing);
        result.updated.push(f.key);
      } else {
        result.unchanged.push(f.key);
      }
    }
    return result;
  }
}
