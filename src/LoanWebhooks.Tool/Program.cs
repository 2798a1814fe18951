using System;
using LoanWebhooks.Tool;

return LoanWebhooksCommandLine.Run(args, Console.Out, Console.Error);
