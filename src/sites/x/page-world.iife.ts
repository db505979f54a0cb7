console.debug('doorman page world');
