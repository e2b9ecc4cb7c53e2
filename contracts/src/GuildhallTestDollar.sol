// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Guildhall Test Dollar
/// @notice A stablecoin for development and test chains only: 6 decimals like the stablecoins Guildhall's books
///         mirror, minted on request by the platform's treasury so that members can try deposits and
///         withdrawals. It has no value anywhere.
/// @dev OpenZeppelin's ERC-20; members deposit by transferring to the treasury, which sends withdrawals.
contract GuildhallTestDollar is ERC20, Ownable {
    constructor(address treasury) ERC20("Guildhall Test Dollar", "gUSD") Ownable(treasury) {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Test money for `to` (the treasury only).
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
