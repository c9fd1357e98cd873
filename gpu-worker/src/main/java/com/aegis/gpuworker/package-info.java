/**
 * The AI models of AEGIS (LSTM price prediction, Transformer market impact, GNN sector similarity) on DJL with the
 * PyTorch engine: training, the model registry, batch scoring as a Temporal activity worker on {@code aegis-ai} and
 * real-time scoring as a Kafka consumer. Uses CUDA when present and the bundled CPU natives otherwise; with
 * {@code ai.djl.offline=true} nothing is downloaded at run time.
 */
package com.aegis.gpuworker;
