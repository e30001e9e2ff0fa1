import { InputType } from '@nestjs/graphql';
import { JobContentInput } from './job-content.input';

@InputType({ description: 'Fields to change. Screening questions, hard skills and the threshold are fixed once a job has applications.' })
export class UpdateJobInput extends JobContentInput {}
