package com.aegis.workers.stack;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hands the local stack this process started to the application context: it is registered as the context's first
 * disposable bean, so it is destroyed last, after the workers, pools and clients that use it.
 */
public class LocalStackContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        LocalStackHolder.running().ifPresent(stack -> {
            LocalStackHolder.ownedBy(context);
            if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
                factory.registerDisposableBean("localStackStopper", LocalStackHolder::stop);
            }
        });
    }
}
