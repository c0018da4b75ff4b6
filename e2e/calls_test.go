package e2e

// SDK calls shared by several tests, as closures for error tables.

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func describeUserCall(account, name string) func(context.Context, *quicksight.Client) error {
	return func(ctx context.Context, c *quicksight.Client) error {
		_, err := c.DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: aws.String(account), Namespace: aws.String("default"), UserName: aws.String(name)})
		return err
	}
}

func listUsersCall(account string) func(context.Context, *quicksight.Client) error {
	return func(ctx context.Context, c *quicksight.Client) error {
		_, err := c.ListUsers(ctx, &quicksight.ListUsersInput{AwsAccountId: aws.String(account), Namespace: aws.String("default")})
		return err
	}
}

func settingsCall(account string) func(context.Context, *quicksight.Client) error {
	return func(ctx context.Context, c *quicksight.Client) error {
		_, err := c.DescribeAccountSettings(ctx, &quicksight.DescribeAccountSettingsInput{AwsAccountId: aws.String(account)})
		return err
	}
}

func registerCall(name string) func(context.Context, *quicksight.Client) error {
	return func(ctx context.Context, c *quicksight.Client) error {
		_, err := c.RegisterUser(ctx, &quicksight.RegisterUserInput{
			AwsAccountId: aws.String(accountID), Namespace: aws.String("default"),
			IdentityType: types.IdentityTypeQuicksight, UserName: aws.String(name),
			Email: aws.String(name + "@example.com"), UserRole: types.UserRoleReader,
		})
		return err
	}
}

func registerIAMCall(account, arn string) func(context.Context, *quicksight.Client) error {
	return func(ctx context.Context, c *quicksight.Client) error {
		_, err := c.RegisterUser(ctx, &quicksight.RegisterUserInput{
			AwsAccountId: aws.String(account), Namespace: aws.String("default"),
			IdentityType: types.IdentityTypeIam, IamArn: aws.String(arn),
			Email: aws.String("iam@example.com"), UserRole: types.UserRoleReader,
		})
		return err
	}
}

func deleteUserCall(name string) func(context.Context, *quicksight.Client) error {
	return func(ctx context.Context, c *quicksight.Client) error {
		_, err := c.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String(name)})
		return err
	}
}
