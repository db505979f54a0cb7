console.debug('doorman bg');
