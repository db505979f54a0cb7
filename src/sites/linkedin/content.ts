// Doorman on www.linkedin.com: the shared content machinery driven by the LinkedIn adapter.
import { startContent } from '../../content/start';
import { linkedInAdapter } from './adapter';

startContent(linkedInAdapter);
