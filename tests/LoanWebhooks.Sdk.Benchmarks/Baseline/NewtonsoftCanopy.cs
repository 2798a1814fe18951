using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LoanWebhooks.Sdk.Benchmarks.Baseline;

/// <summary>Hand-written Newtonsoft POCOs for Canopy (the comparison baseline, not SDK types).</summary>
public static class NewtonsoftCanopy
{
    public static object? Parse(string body)
    {
        var json = JObject.Parse(body);
        return (string?)json["event"] switch
        {
            "account_delinquency" => json.ToObject<AccountDelinquency>(),
            "account_update" => json.ToObject<AccountUpdate>(),
            _ => json,
        };
    }

    public sealed class AccountDelinquency
    {
        [JsonProperty("event")] public string? Event { get; set; }
        [JsonProperty("hmac_signature")] public string? HmacSignature { get; set; }
        [JsonProperty("data")] public AccountDelinquencyData? Data { get; set; }
    }

    public sealed class AccountDelinquencyData
    {
        [JsonProperty("account_id")] public string? AccountId { get; set; }
        [JsonProperty("cure_amount")] public string? CureAmount { get; set; }
        [JsonProperty("customer_id")] public string? CustomerId { get; set; }
        [JsonProperty("delinquent_as_of_date")] public DateTimeOffset? DelinquentAsOfDate { get; set; }
        [JsonProperty("number_of_days_delinquent")] public long NumberOfDaysDelinquent { get; set; }
        [JsonProperty("time_stamp")] public DateTimeOffset? TimeStamp { get; set; }
    }

    public sealed class AccountUpdate
    {
        [JsonProperty("event")] public string? Event { get; set; }
        [JsonProperty("hmac_signature")] public string? HmacSignature { get; set; }
        [JsonProperty("data")] public AccountUpdateData? Data { get; set; }
    }

    public sealed class AccountUpdateData
    {
        [JsonProperty("changed_at")] public DateTimeOffset ChangedAt { get; set; }
        [JsonProperty("changes")] public List<FieldChange>? Changes { get; set; }
        [JsonProperty("object_type")] public string? ObjectType { get; set; }
        [JsonProperty("object")] public Account? Object { get; set; }
    }

    public sealed class FieldChange
    {
        [JsonProperty("field_name")] public string? FieldName { get; set; }
        [JsonProperty("previous_value")] public JToken? PreviousValue { get; set; }
        [JsonProperty("new_value")] public JToken? NewValue { get; set; }
    }

    public sealed class Account
    {
        [JsonProperty("account_id")] public string? AccountId { get; set; }
        [JsonProperty("created_at")] public DateTimeOffset CreatedAt { get; set; }
        [JsonProperty("updated_at")] public DateTimeOffset UpdatedAt { get; set; }
        [JsonProperty("effective_at")] public DateTimeOffset EffectiveAt { get; set; }
        [JsonProperty("account_overview")] public AccountOverview? AccountOverview { get; set; }
        [JsonProperty("account_product")] public AccountProduct? AccountProduct { get; set; }
        [JsonProperty("min_pay_due_cents")] public MinPayDue? MinPayDueCents { get; set; }
        [JsonProperty("additional_min_pay_details")] public Dictionary<string, long>? AdditionalMinPayDetails { get; set; }
        [JsonProperty("additional_statement_min_pay_details")] public Dictionary<string, long>? AdditionalStatementMinPayDetails { get; set; }
        [JsonProperty("payment_processor_config")] public JToken? PaymentProcessorConfig { get; set; }
        [JsonProperty("issuer_processor_details")] public JToken? IssuerProcessorDetails { get; set; }
        [JsonProperty("cycle_type")] public CycleType? CycleType { get; set; }
        [JsonProperty("discounts")] public JToken? Discounts { get; set; }
        [JsonProperty("summary")] public AccountSummary? Summary { get; set; }
        [JsonProperty("associated_entities")] public JToken? AssociatedEntities { get; set; }
        [JsonProperty("payout_entities")] public List<JToken>? PayoutEntities { get; set; }
        [JsonProperty("cards")] public List<JToken>? Cards { get; set; }
        [JsonProperty("customers")] public List<Customer>? Customers { get; set; }
        [JsonProperty("partner_entity")] public JToken? PartnerEntity { get; set; }
        [JsonProperty("attributes")] public JToken? Attributes { get; set; }
    }

    public sealed class AccountOverview
    {
        [JsonProperty("account_status")] public string? AccountStatus { get; set; }
        [JsonProperty("account_status_subtype")] public string? AccountStatusSubtype { get; set; }
        [JsonProperty("is_active_scra")] public bool IsActiveScra { get; set; }
    }

    public sealed class AccountProduct
    {
        [JsonProperty("product_id")] public string? ProductId { get; set; }
        [JsonProperty("product_overview")] public Dictionary<string, string>? ProductOverview { get; set; }
        [JsonProperty("product_lifecycle")] public ProductLifecycle? ProductLifecycle { get; set; }
        [JsonProperty("promo_overview")] public PromoOverview? PromoOverview { get; set; }
        [JsonProperty("post_promo_overview")] public JToken? PostPromoOverview { get; set; }
        [JsonProperty("product_duration_information")] public JToken? ProductDurationInformation { get; set; }
    }

    public sealed class ProductLifecycle
    {
        [JsonProperty("late_fee_impl_cents")] public long LateFeeImplCents { get; set; }
        [JsonProperty("default_product_late_fee_cents")] public long DefaultProductLateFeeCents { get; set; }
        [JsonProperty("payment_reversal_fee_impl_cents")] public long PaymentReversalFeeImplCents { get; set; }
        [JsonProperty("origination_fee_impl_cents")] public long OriginationFeeImplCents { get; set; }
        [JsonProperty("origination_fee_percent")] public decimal OriginationFeePercent { get; set; }
        [JsonProperty("is_origination_fee_lesser_value")] public bool IsOriginationFeeLesserValue { get; set; }
        [JsonProperty("is_origination_fee_amortized")] public bool IsOriginationFeeAmortized { get; set; }
        [JsonProperty("annual_fee_impl_cents")] public long AnnualFeeImplCents { get; set; }
        [JsonProperty("monthly_fee_impl_cents")] public long MonthlyFeeImplCents { get; set; }
        [JsonProperty("late_fee_cap_percent")] public decimal? LateFeeCapPercent { get; set; }
        [JsonProperty("payment_reversal_fee_cap_percent")] public decimal? PaymentReversalFeeCapPercent { get; set; }
        [JsonProperty("recurring_fees")] public List<RecurringFee>? RecurringFees { get; set; }
        [JsonProperty("loan_end_date")] public DateTimeOffset? LoanEndDate { get; set; }
    }

    public sealed class RecurringFee
    {
        [JsonProperty("recurring_fee_interval")] public string? RecurringFeeInterval { get; set; }
        [JsonProperty("recurring_fee_amount_cents")] public long RecurringFeeAmountCents { get; set; }
        [JsonProperty("initial_delay_offset")] public string? InitialDelayOffset { get; set; }
        [JsonProperty("is_fee_interval_floored")] public bool IsFeeIntervalFloored { get; set; }
        [JsonProperty("recurring_fee_label")] public string? RecurringFeeLabel { get; set; }
    }

    public sealed class PromoOverview
    {
        // "9999-12-31 11:59:59+00" is not ISO 8601, so a user keeps these as text.
        [JsonProperty("promo_purchase_window_inclusive_start")] public string? PromoPurchaseWindowInclusiveStart { get; set; }
        [JsonProperty("promo_purchase_window_exclusive_end")] public string? PromoPurchaseWindowExclusiveEnd { get; set; }
        [JsonProperty("promo_inclusive_start")] public string? PromoInclusiveStart { get; set; }
        [JsonProperty("promo_exclusive_end")] public string? PromoExclusiveEnd { get; set; }
        [JsonProperty("promo_impl_interest_rate_percent")] public decimal PromoImplInterestRatePercent { get; set; }
        [JsonProperty("default_product_promo_interest_rate")] public decimal DefaultProductPromoInterestRate { get; set; }
        [JsonProperty("promo_len")] public long? PromoLen { get; set; }
        [JsonProperty("default_product_promo_len")] public long? DefaultProductPromoLen { get; set; }
    }

    public sealed class MinPayDue
    {
        [JsonProperty("statement_min_pay_cents")] public long StatementMinPayCents { get; set; }
        [JsonProperty("min_pay_cents")] public long MinPayCents { get; set; }
        [JsonProperty("min_pay_due_at")] public DateTimeOffset MinPayDueAt { get; set; }
        [JsonProperty("graced_due_date")] public DateTimeOffset? GracedDueDate { get; set; }
    }

    public sealed class CycleType
    {
        [JsonProperty("first_cycle_interval")] public string? FirstCycleInterval { get; set; }
        [JsonProperty("late_fee_grace")] public string? LateFeeGrace { get; set; }
    }

    public sealed class AccountSummary
    {
        [JsonProperty("total_balance_cents")] public long TotalBalanceCents { get; set; }
        [JsonProperty("principal_cents")] public long PrincipalCents { get; set; }
        [JsonProperty("interest_balance_cents")] public long InterestBalanceCents { get; set; }
        [JsonProperty("am_interest_balance_cents")] public long AmInterestBalanceCents { get; set; }
        [JsonProperty("deferred_interest_balance_cents")] public long DeferredInterestBalanceCents { get; set; }
        [JsonProperty("am_deferred_interest_balance_cents")] public long AmDeferredInterestBalanceCents { get; set; }
        [JsonProperty("fees_balance_cents")] public long FeesBalanceCents { get; set; }
        [JsonProperty("initial_principal_cents")] public long InitialPrincipalCents { get; set; }
        [JsonProperty("total_paid_to_date_cents")] public long TotalPaidToDateCents { get; set; }
        [JsonProperty("total_interest_paid_to_date_cents")] public long TotalInterestPaidToDateCents { get; set; }
        [JsonProperty("credit_limit_cents")] public long CreditLimitCents { get; set; }
        [JsonProperty("max_approved_credit_limit_cents")] public long? MaxApprovedCreditLimitCents { get; set; }
        [JsonProperty("interest_rate_percent")] public decimal InterestRatePercent { get; set; }
        [JsonProperty("interest_accrual_interval")] public string? InterestAccrualInterval { get; set; }
        [JsonProperty("interest_grace_method")] public string? InterestGraceMethod { get; set; }
        [JsonProperty("available_credit_cents")] public long AvailableCreditCents { get; set; }
        [JsonProperty("open_to_buy_cents")] public long? OpenToBuyCents { get; set; }
        [JsonProperty("total_payoff_cents")] public long TotalPayoffCents { get; set; }
        [JsonProperty("pending_am_interest_balance_cents")] public long PendingAmInterestBalanceCents { get; set; }
        [JsonProperty("min_pay_applicable_credit_type")] public string? MinPayApplicableCreditType { get; set; }
    }

    public sealed class Customer
    {
        [JsonProperty("address_line_one")] public string? AddressLineOne { get; set; }
        [JsonProperty("address_line_two")] public string? AddressLineTwo { get; set; }
        [JsonProperty("address_city")] public string? AddressCity { get; set; }
        [JsonProperty("address_state")] public string? AddressState { get; set; }
        [JsonProperty("address_zip")] public string? AddressZip { get; set; }
        [JsonProperty("name_prefix")] public string? NamePrefix { get; set; }
        [JsonProperty("name_first")] public string? NameFirst { get; set; }
        [JsonProperty("name_middle")] public string? NameMiddle { get; set; }
        [JsonProperty("name_last")] public string? NameLast { get; set; }
        [JsonProperty("name_suffix")] public string? NameSuffix { get; set; }
        [JsonProperty("customer_id")] public string? CustomerId { get; set; }
        [JsonProperty("phone_number")] public string? PhoneNumber { get; set; }
        [JsonProperty("ssn")] public string? Ssn { get; set; }
        [JsonProperty("email")] public string? Email { get; set; }
        [JsonProperty("date_of_birth")] public DateTime? DateOfBirth { get; set; }
        [JsonProperty("customer_account_role")] public string? CustomerAccountRole { get; set; }
        [JsonProperty("customer_account_external_id")] public string? CustomerAccountExternalId { get; set; }
        [JsonProperty("business_details")] public JToken? BusinessDetails { get; set; }
    }
}
