-- POST /api/v1/runs: Adam on 2-D Rosenbrock, 1,000 iterations, default recording (every iterate).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.body = '{"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam", "learningRate": 0.01}, "iterations": 1000}'
